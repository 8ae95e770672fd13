import { expect, fixture, html } from '@open-wc/testing';
import '../../src/index.js';
import type { LkCameraToggle, LkMicrophoneToggle, LkScreenShare } from '../../src/index.js';
import type { LkErrorDetail } from '../../src/core/errors.js';
import { captureWarnings } from '../helpers.js';

const button = (el: HTMLElement) => el.shadowRoot!.querySelector('button')!;

describe('controls (no server)', () => {
  for (const tag of ['lk-camera-toggle', 'lk-microphone-toggle', 'lk-screenshare'] as const) {
    it(`<${tag}> has a native button, disabled and not pressed without a connected room`, async () => {
      const el = await fixture<LkCameraToggle | LkMicrophoneToggle | LkScreenShare>(`<${tag}></${tag}>`);
      const b = button(el);
      expect(b).to.be.instanceOf(HTMLButtonElement);
      expect(b.getAttribute('part')).to.equal('button');
      expect(b.disabled).to.equal(true);
      expect(b.getAttribute('aria-pressed')).to.equal('false');
      expect(el.pressed).to.equal(false);
      expect(el.hasAttribute('pressed')).to.equal(false);
      await expect(el).to.be.accessible();
    });

    it(`<${tag}> takes its label from the label attribute or the default slot`, async () => {
      const byAttribute = await fixture<HTMLElement>(`<${tag} label="Kamera"></${tag}>`);
      expect(byAttribute.shadowRoot!.querySelector('[part=label]')!.textContent).to.equal('Kamera');
      const bySlot = await fixture<HTMLElement>(`<${tag}>Bildschirm</${tag}>`);
      const slot = bySlot.shadowRoot!.querySelector<HTMLSlotElement>('slot:not([name])')!;
      expect(slot.assignedNodes().map((n) => n.textContent).join('')).to.equal('Bildschirm');
      await expect(bySlot).to.be.accessible();
    });
  }

  it('an invalid override gives lk-error with the attribute, the value and the accepted forms, once', async () => {
    const errors: LkErrorDetail[] = [];
    const warnings = await captureWarnings(async () => {
      const el = await fixture<LkCameraToggle>(html`<lk-camera-toggle resolution="huge" @lk-error=${(e: CustomEvent<LkErrorDetail>) => errors.push(e.detail)}></lk-camera-toggle>`);
      el.label = 'Cam';
      await el.updateComplete;
      el.setAttribute('codec', 'mpeg2');
      await el.updateComplete;
    });
    expect(errors.map((e) => [e.code, e.attribute, e.value])).to.deep.equal([
      ['invalid-attribute', 'resolution', 'huge'],
      ['invalid-attribute', 'codec', 'mpeg2'],
    ]);
    expect(errors[1].accepted).to.contain('vp8');
    expect(warnings).to.have.length(2);
  });
});
