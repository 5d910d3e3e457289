import { startApp } from './app';
import './styles.css';

const handle = startApp(document.getElementById('app')!);
// read-only hook for the end-to-end tests and the screenshot script
(window as unknown as { povertyLoop: typeof handle }).povertyLoop = handle;
handle.ready.catch((e) => console.error(e));
