/** The theme's default colours (src/elements/theme.styles.ts) as computed, and how a button reads them: for the theme tests of every engine. */

export const LIGHT = { bg2: 'rgb(243, 244, 246)', fg: 'rgb(17, 17, 17)' };
export const DARK = { bg2: 'rgb(30, 30, 30)', fg: 'rgb(255, 255, 255)' };

/** The background of the native button in `el`'s shadow root. */
export const buttonBackground = (el: Element) => getComputedStyle(el.shadowRoot!.querySelector('button')!).backgroundColor;

/** The text colour of the native button in `el`'s shadow root. */
export const buttonColor = (el: Element) => getComputedStyle(el.shadowRoot!.querySelector('button')!).color;
