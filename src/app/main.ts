import { startApp } from './app';
import { registerServiceWorker } from './lesson/offline/register';
import { mountTeaching } from './lesson/teaching';
import './styles.css';

const handle = startApp(document.getElementById('app')!);
// read-only hook for the end-to-end tests and the screenshot script
(window as unknown as { povertyLoop: typeof handle }).povertyLoop = handle;
handle.ready.catch((e) => console.error(e));
// teaching mode (lessons, presenter, debrief) and the offline cache: src/app/lesson/
mountTeaching(handle, document.getElementById('app')!);
registerServiceWorker(() => handle.ctx.store.state.playing || handle.ctx.store.state.busy);
