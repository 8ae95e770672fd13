import { expect } from '@open-wc/testing';
// @ts-expect-error: a build script (plain .mjs, no types)
import { squeezeCss, squeezeHtml } from '../../scripts/squeeze-templates.mjs';

const css = squeezeCss as (text: string) => string;
const htmlText = squeezeHtml as (text: string) => string;

describe('the build squeezes Lit template text without changing what it means', () => {
  it('css: comments and indentation go; values, selectors, commas and calc() keep their spaces', () => {
    const source = `
  /* The host. */
  :host([theme='dark']) [part='a'] > .b:hover {
    padding: 0.25rem 0.75rem;
    font: var(--_lk-font-size) / 1.4 var(--_lk-font-family, system-ui, sans-serif);
    width: calc((100% - (var(--_cols) - 1) * var(--_gap)) / var(--_cols));
  }
  @media (max-width: 40rem) {
    a :focus-visible {
      outline: 2px solid red;
    }
  }
`;
    expect(css(source)).to.equal(
      " :host([theme='dark']) [part='a']>.b:hover{padding:0.25rem 0.75rem;font:var(--_lk-font-size) / 1.4 var(--_lk-font-family, system-ui, sans-serif);" +
        'width:calc((100% - (var(--_cols) - 1) * var(--_gap)) / var(--_cols))}@media (max-width: 40rem){a :focus-visible{outline:2px solid red}}',
    );
  });

  it('css: the text around an interpolation keeps the space that separates values', () => {
    // `margin: ${a} ${b}` arrives as three quasis: "margin: ", " " and ";".
    expect([' margin: ', ' ', ';\n  }'].map(css)).to.deep.equal([' margin: ', ' ', '}']);
  });

  it('html: comments go and line breaks with their indentation become one space; text is kept', () => {
    const source = `<div part="a">
        <!-- a comment -->
        <span part="meta"
          ><b>Ann</b> <i>x</i></span
        >
        Enter a message…
      </div>`;
    expect(htmlText(source)).to.equal('<div part="a"> <span part="meta" ><b>Ann</b> <i>x</i></span > Enter a message… </div>');
  });
});
