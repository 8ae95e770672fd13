import { expect, fixture, html } from '@open-wc/testing';
import '../../src/index.js';
import type { LkVoiceAgent } from '../../src/index.js';
import type { LkErrorDetail } from '../../src/core/errors.js';
import { captureWarnings } from '../helpers.js';

const part = (el: Element, name: string) => el.shadowRoot!.querySelector<HTMLElement>(`[part~="${name}"]`);

describe('<lk-voice-agent> (no server)', () => {
  it('does nothing on load: no token request, disconnected, a start button with its label', async () => {
    const requests: string[] = [];
    const original = window.fetch.bind(window);
    window.fetch = (input: RequestInfo | URL, init?: RequestInit) => {
      requests.push(typeof input === 'string' ? input : input instanceof URL ? input.href : input.url);
      return original(input, init);
    };
    try {
      const el = await fixture<LkVoiceAgent>(html`<lk-voice-agent token-endpoint="/api/token" agent-name="bot" start-label="Sprechen"></lk-voice-agent>`);
      await new Promise((resolve) => setTimeout(resolve, 300));
      expect(requests.length).to.equal(0);
      expect(el.getAttribute('state')).to.equal('disconnected');
      expect(el.connect).to.equal(false);
      // The microphone is on by default here.
      expect(el.audio).to.equal(true);
      expect(part(el, 'start')!.textContent?.trim()).to.equal('Sprechen');
      expect(part(el, 'panel')!.getAttribute('role')).to.equal('region');
      expect(part(el, 'launcher')).to.equal(null);
      expect(part(el, 'controls')).to.equal(null);
      await expect(el).to.be.accessible();
    } finally {
      window.fetch = original;
    }
  });

  it('reports an agent-timeout or position it does not take, and keeps the default', async () => {
    const el = await fixture<LkVoiceAgent>(html`<lk-voice-agent></lk-voice-agent>`);
    const errors: LkErrorDetail[] = [];
    el.addEventListener('lk-error', (e) => errors.push(e.detail));
    const warnings = await captureWarnings(async () => {
      el.setAttribute('agent-timeout', 'soon');
      await el.updateComplete;
      el.setAttribute('agent-timeout', '5');
      await el.updateComplete;
      el.setAttribute('position', 'top');
      await el.updateComplete;
    });
    expect(errors.map((e) => `${e.code}:${e.attribute}=${e.value}`).join(' ')).to.equal('invalid-attribute:agent-timeout=soon invalid-attribute:position=top');
    expect(errors[0].accepted).to.contain('seconds');
    expect(warnings.length).to.equal(2);
  });

  it('the state is the element\'s: a page\'s change is put back', async () => {
    const el = await fixture<LkVoiceAgent>(html`<lk-voice-agent></lk-voice-agent>`);
    el.setAttribute('state', 'speaking');
    await el.updateComplete;
    expect(el.getAttribute('state')).to.equal('disconnected');
    expect(el.state).to.equal('disconnected');
  });
});
