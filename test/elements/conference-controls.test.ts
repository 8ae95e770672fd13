// `<lk-conference>` reshaped by attributes, without a server (it renders before it connects):
// `controls` picks the controls of its bar and the chat, and `layout`, `page-size`, `sort`
// reach its `<lk-participants>`.
import { expect, fixture, html } from '@open-wc/testing';
import { a11ySnapshot } from '@web/test-runner-commands';
import { RoomEvent, type Room } from 'livekit-client';
import '../../src/index.js';
import type { LkConference, LkParticipants } from '../../src/index.js';
import { CHAT_TOPIC } from '../../src/core/chat.js';
import { CONFERENCE_CONTROLS } from '../../src/core/conference.js';
import type { LkErrorDetail } from '../../src/core/errors.js';
import { captureWarnings, deepQueryAll, waitFor } from '../helpers.js';

/** Each control of the full bar, as the bar shows it, in its order. */
const EVERY_CONTROL = [
  'lk-microphone-toggle',
  'lk-device-select[kind=audioinput]',
  'lk-camera-toggle',
  'lk-device-select[kind=videoinput]',
  'lk-camera-flip',
  'lk-screenshare',
  'button[part=chat-toggle]',
  'lk-leave-button',
];

/** The controls in the default bar, named as in `EVERY_CONTROL`; `undefined` when there is no bar. */
function barControls(el: LkConference): string[] | undefined {
  const bar = el.shadowRoot!.querySelector('[part=control-bar]');
  if (!bar) return undefined;
  return [...bar.children].map((child) => {
    const kind = child.getAttribute('kind');
    return child.localName === 'button' ? `button[part=${child.getAttribute('part')}]` : kind ? `${child.localName}[kind=${kind}]` : child.localName;
  });
}

/** The chat elements in the shadow root: the panel, its `<lk-chat>` (anywhere), the toggle. */
function chatParts(el: LkConference): { panel: boolean; chats: number; toggle: boolean } {
  const root = el.shadowRoot!;
  return { panel: !!root.querySelector('[part=chat-panel]'), chats: deepQueryAll(root, 'lk-chat').length, toggle: !!root.querySelector('[part=chat-toggle]') };
}

function participants(el: LkConference): LkParticipants {
  return el.shadowRoot!.querySelector<LkParticipants>('lk-participants[part=participants]')!;
}

/** The attributes of the inner `<lk-participants>` a conference passes on. */
function forwarded(el: LkConference): Record<string, string | null> {
  const inner = participants(el);
  return Object.fromEntries(['layout', 'page-size', 'sort'].map((name) => [name, inner.getAttribute(name)]));
}

/** A conference made with `controls` set before it is in the page, its `lk-error`s and warnings recorded from the start. */
async function withControls(value: string): Promise<{ el: LkConference; errors: LkErrorDetail[]; warnings: string[] }> {
  const el = document.createElement('lk-conference');
  el.setAttribute('controls', value);
  const errors: LkErrorDetail[] = [];
  el.addEventListener('lk-error', (e) => errors.push(e.detail));
  const warnings = await captureWarnings(async () => {
    document.body.append(el);
    await el.updateComplete;
  });
  return { el, errors, warnings };
}

/** Whether something on `room` receives chat text streams: livekit-client takes one handler per topic and refuses a second. */
function chatHandlerTaken(room: Room): boolean {
  try {
    room.registerTextStreamHandler(CHAT_TOPIC, () => undefined);
  } catch {
    return true;
  }
  room.unregisterTextStreamHandler(CHAT_TOPIC);
  return false;
}

type AxNode = { role?: string; name?: string; children?: AxNode[] };

/** The names of the buttons in Chromium's accessibility tree (what a screen reader is told). */
async function accessibleButtonNames(): Promise<string[]> {
  const names = (node: AxNode): string[] => [...(node.role === 'button' && node.name ? [node.name.trim()] : []), ...(node.children ?? []).flatMap(names)];
  return names((await a11ySnapshot({})) as unknown as AxNode);
}

describe('lk-conference controls (no server)', () => {
  afterEach(() => document.querySelectorAll('lk-conference').forEach((el) => el.remove()));

  it('without controls: every control, in the bar\'s order, and the chat panel', async () => {
    const el = await fixture<LkConference>(html`<lk-conference></lk-conference>`);
    expect(barControls(el)).to.deep.equal(EVERY_CONTROL);
    expect(chatParts(el)).to.deep.equal({ panel: true, chats: 1, toggle: true });
    const bar = el.shadowRoot!.querySelector('[part=control-bar]')!;
    expect(bar.getAttribute('role')).to.equal('toolbar');
    expect(bar.getAttribute('aria-label')).to.equal('Call controls');
    await expect(el).to.be.accessible();
  });

  it('controls picks exactly the controls listed, in the bar\'s order whatever the order given', async () => {
    const el = await fixture<LkConference>(html`<lk-conference controls="leave, Camera microphone"></lk-conference>`);
    expect(barControls(el)).to.deep.equal(['lk-microphone-toggle', 'lk-camera-toggle', 'lk-leave-button']);
    // No chat in the list: no chat button, no panel, no lk-chat (so nothing listens for chat data).
    expect(chatParts(el)).to.deep.equal({ panel: false, chats: 0, toggle: false });
    const bar = el.shadowRoot!.querySelector('[part=control-bar]')!;
    expect(bar.getAttribute('role')).to.equal('toolbar');
    expect(bar.getAttribute('aria-label')).to.equal('Call controls');
    expect(await accessibleButtonNames()).to.deep.equal(['Microphone', 'Camera', 'Leave']);
    await expect(el).to.be.accessible();
  });

  it('each word adds its own controls: devices is both pickers, flip the camera flip, chat the button and the panel', async () => {
    const el = await fixture<LkConference>(html`<lk-conference controls="devices"></lk-conference>`);
    expect(barControls(el)).to.deep.equal(['lk-device-select[kind=audioinput]', 'lk-device-select[kind=videoinput]']);
    const expected: Record<string, string[]> = {
      microphone: ['lk-microphone-toggle'],
      camera: ['lk-camera-toggle'],
      devices: ['lk-device-select[kind=audioinput]', 'lk-device-select[kind=videoinput]'],
      flip: ['lk-camera-flip'],
      screenshare: ['lk-screenshare'],
      chat: ['button[part=chat-toggle]'],
      leave: ['lk-leave-button'],
    };
    expect(Object.keys(expected)).to.deep.equal([...CONFERENCE_CONTROLS]);
    for (const word of CONFERENCE_CONTROLS) {
      el.controls = word;
      await el.updateComplete;
      expect(barControls(el), word).to.deep.equal(expected[word]);
      expect(chatParts(el).panel, `${word}: the chat panel`).to.equal(word === 'chat');
    }
  });

  it('an empty value or none: no control bar and no chat, the control-bar slot still there', async () => {
    for (const value of ['', 'none']) {
      const el = await fixture<LkConference>(html`<lk-conference controls=${value} chat-open><button slot="control-bar">Mine</button></lk-conference>`);
      expect(barControls(el), `controls="${value}"`).to.equal(undefined);
      expect(el.shadowRoot!.querySelector('[role=toolbar]'), 'no toolbar').to.equal(null);
      expect(chatParts(el)).to.deep.equal({ panel: false, chats: 0, toggle: false });
      const slot = el.shadowRoot!.querySelector<HTMLSlotElement>('slot[name=control-bar]')!;
      expect(slot.assignedElements().map((e) => e.textContent)).to.deep.equal(['Mine']);
      await expect(el).to.be.accessible();
      el.remove();
    }
  });

  it('an unknown word: lk-error invalid-attribute naming it and the accepted words, and every control', async () => {
    const { el, errors, warnings } = await withControls('microphone mic leave');
    expect(errors).to.have.length(1);
    const [error] = errors;
    expect(error.code).to.equal('invalid-attribute');
    expect(error.attribute).to.equal('controls');
    expect(error.value).to.equal('microphone mic leave');
    for (const word of CONFERENCE_CONTROLS) expect(error.accepted, word).to.include(word);
    expect(error.message).to.match(/^lk-conference: controls="microphone mic leave" is not valid \("mic" is not a control\); accepted: /);
    expect(warnings).to.deep.equal([error.message]);
    expect(barControls(el)).to.deep.equal(EVERY_CONTROL);
    expect(chatParts(el)).to.deep.equal({ panel: true, chats: 1, toggle: true });
  });

  it('without chat nothing on the room receives chat: no lk.chat handler, one data listener fewer; chat back, both back', async () => {
    const { el } = await withControls('microphone leave');
    const room = el.livekitRoom;
    const dataListeners = () => room.listenerCount(RoomEvent.DataReceived);
    expect(chatHandlerTaken(room), 'no chat: the handler free').to.equal(false);
    const without = dataListeners();
    el.controls = 'microphone chat leave';
    await el.updateComplete;
    await waitFor(() => chatHandlerTaken(room), 'the chat to take the lk.chat handler');
    expect(dataListeners(), 'the chat listens for legacy packets').to.equal(without + 1);
    el.controls = 'leave';
    await el.updateComplete;
    await waitFor(() => !chatHandlerTaken(room), 'the chat handler released');
    expect(dataListeners()).to.equal(without);
  });

  it('changes at run time update the bar and the chat; removing the attribute returns to every control, with no error', async () => {
    const { el, errors } = await withControls('camera');
    expect(barControls(el)).to.deep.equal(['lk-camera-toggle']);
    el.setAttribute('controls', 'chat leave');
    el.chatOpen = true;
    await el.updateComplete;
    expect(barControls(el)).to.deep.equal(['button[part=chat-toggle]', 'lk-leave-button']);
    expect(chatParts(el)).to.deep.equal({ panel: true, chats: 1, toggle: true });
    expect(el.shadowRoot!.querySelector<HTMLElement>('[part=chat-panel]')!.hidden, 'the panel open').to.equal(false);
    el.setAttribute('controls', 'leave');
    await el.updateComplete;
    expect(chatParts(el)).to.deep.equal({ panel: false, chats: 0, toggle: false });
    await captureWarnings(async () => {
      el.setAttribute('controls', 'bogus');
      await el.updateComplete;
    });
    expect(barControls(el), 'an invalid value: the default').to.deep.equal(EVERY_CONTROL);
    expect(errors.map((e) => e.value)).to.deep.equal(['bogus']);
    el.setAttribute('controls', 'microphone');
    await el.updateComplete;
    expect(barControls(el)).to.deep.equal(['lk-microphone-toggle']);
    el.removeAttribute('controls');
    await el.updateComplete;
    expect(el.controls).to.equal(undefined);
    expect(barControls(el)).to.deep.equal(EVERY_CONTROL);
    expect(chatParts(el)).to.deep.equal({ panel: true, chats: 1, toggle: true });
    expect(errors, 'no error but the one for bogus').to.have.length(1);
  });

  it('layout, page-size and sort reach the inner lk-participants, and leave it when removed', async () => {
    const el = await fixture<LkConference>(html`<lk-conference></lk-conference>`);
    expect(forwarded(el)).to.deep.equal({ layout: 'focus', 'page-size': null, sort: null });
    expect(participants(el).getAttribute('sources')).to.equal('camera,screen_share');
    const inner = participants(el);
    el.setAttribute('layout', 'grid');
    el.setAttribute('page-size', '9');
    el.setAttribute('sort', 'speaker');
    await el.updateComplete;
    expect(forwarded(el)).to.deep.equal({ layout: 'grid', 'page-size': '9', sort: 'speaker' });
    expect(participants(el), 'the same lk-participants').to.equal(inner);
    el.pageSize = 'auto';
    await el.updateComplete;
    expect(participants(el).getAttribute('page-size'), 'the property').to.equal('auto');
    for (const name of ['page-size', 'sort', 'layout']) el.removeAttribute(name);
    await el.updateComplete;
    expect(forwarded(el)).to.deep.equal({ layout: 'focus', 'page-size': null, sort: null });
  });

  it('passes values on as written: the lk-participants judges them, and its lk-error reaches the page', async () => {
    const el = await fixture<LkConference>(html`<lk-conference></lk-conference>`);
    const errors: LkErrorDetail[] = [];
    el.addEventListener('lk-error', (e) => errors.push(e.detail));
    await captureWarnings(async () => {
      el.setAttribute('layout', 'mosaic');
      await el.updateComplete;
      await participants(el).updateComplete;
    });
    expect(participants(el).getAttribute('layout')).to.equal('mosaic');
    expect(errors.map((e) => `${e.code} ${e.attribute} ${e.value}`)).to.deep.equal(['invalid-attribute layout mosaic']);
    expect(errors[0].message).to.match(/^lk-participants: /);
  });
});
