/** A text in both languages of the tool. Chinese comes first: it is the source language. */
export interface Bilingual {
  zh: string;
  en: string;
}

/** Shorthand for declaring a bilingual text. */
export const t = (zh: string, en: string): Bilingual => ({ zh, en });
