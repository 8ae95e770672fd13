import { expect, fixture, html } from '@open-wc/testing';
import '../../src/index.js';
import type { LkCameraFlip, LkCameraToggle, LkDeviceSelect, LkLeaveButton, LkMicrophoneToggle, LkScreenShare } from '../../src/index.js';
import { waitFor } from '../helpers.js';
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

  it('<lk-device-select> lists the devices of its kind, each with a label', async () => {
    // Browsers list devices fully once the page may use the microphone.
    (await navigator.mediaDevices.getUserMedia({ audio: true })).getTracks().forEach((t) => t.stop());
    const el = await fixture<LkDeviceSelect>(html`<lk-device-select kind="audiooutput" label="Lautsprecher"></lk-device-select>`);
    await waitFor(() => el.devices.length > 0, 'devices listed');
    await el.updateComplete;
    expect(el.devices.every((d) => d.kind === 'audiooutput')).to.equal(true);
    const options = [...el.shadowRoot!.querySelectorAll('option')];
    expect(options).to.have.length(el.devices.length);
    expect(options.every((o) => o.textContent.trim() !== '')).to.equal(true);
    expect(el.shadowRoot!.querySelector('[part=text]')!.textContent).to.equal('Lautsprecher');
    await expect(el).to.be.accessible();
  });

  it('<lk-device-select> reports an invalid kind', async () => {
    const errors: LkErrorDetail[] = [];
    await captureWarnings(async () => {
      await fixture<LkDeviceSelect>(html`<lk-device-select kind="webcam" @lk-error=${(e: CustomEvent<LkErrorDetail>) => errors.push(e.detail)}></lk-device-select>`);
    });
    expect(errors).to.have.length(1);
    expect(errors[0]).to.include({ code: 'invalid-attribute', attribute: 'kind', value: 'webcam' });
    expect(errors[0].accepted).to.contain('videoinput');
  });

  it('<lk-leave-button> is disabled without a connected room', async () => {
    const el = await fixture<LkLeaveButton>(html`<lk-leave-button label="Verlassen"></lk-leave-button>`);
    expect(button(el).disabled).to.equal(true);
    expect(button(el).textContent).to.contain('Verlassen');
    await expect(el).to.be.accessible();
  });

  it('<lk-camera-flip> is hidden with a single camera', async () => {
    const el = await fixture<LkCameraFlip>(html`<lk-camera-flip></lk-camera-flip>`);
    await waitFor(async () => (await navigator.mediaDevices.enumerateDevices()).length > 0, 'devices');
    await new Promise((r) => setTimeout(r, 200));
    expect((await navigator.mediaDevices.enumerateDevices()).filter((d) => d.kind === 'videoinput')).to.have.length(1);
    expect(el.hidden).to.equal(true);
    expect(getComputedStyle(el).display).to.equal('none');
  });
});
