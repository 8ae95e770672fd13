import { expect, fixture, html } from '@open-wc/testing';
import grapesjs, { type Component, type Editor } from 'grapesjs';
import { Room, Track } from 'livekit-client';
import livekitElements, { BLOCKS, PLUGIN_ID } from '../../src/grapesjs/index.js';
import type { LkConference } from '../../src/index.js';
import { deepQueryAll, fetchToken, serverParticipants, uniqueRoom, waitFor } from '../helpers.js';

/** GrapesJS's own stylesheet, as a page that hosts the editor links it. */
function grapesStyles(): void {
  if (document.querySelector('link[data-grapesjs]')) return;
  const link = Object.assign(document.createElement('link'), { rel: 'stylesheet', href: '/node_modules/grapesjs/dist/css/grapes.min.css' });
  link.dataset.grapesjs = '';
  document.head.append(link);
}

async function openEditor(options: Record<string, unknown> = {}): Promise<{ editor: Editor; container: HTMLElement }> {
  grapesStyles();
  const container = await fixture<HTMLElement>(html`<div style="width: 1200px; height: 800px"></div>`);
  const editor = grapesjs.init({
    container,
    height: '800px',
    storageManager: false,
    plugins: [livekitElements],
    pluginsOpts: { [PLUGIN_ID]: { script: '/dist/livekit-elements.js', ...options } },
  });
  await new Promise<void>((resolve) => editor.onReady(() => resolve()));
  return { editor, container };
}

/** The traits panel's field for `name`, rendered by GrapesJS for the selected component. */
function field<T extends HTMLElement>(container: HTMLElement, name: string): T {
  const input = container.querySelector<T>(`.gjs-trt-trait__wrp-${name} input, .gjs-trt-trait__wrp-${name} select`);
  if (!input) throw new Error(`no field for ${name} in the traits panel`);
  return input;
}

function change(input: HTMLInputElement | HTMLSelectElement, value: string | boolean): void {
  if (input instanceof HTMLInputElement && input.type === 'checkbox') input.checked = value as boolean;
  else input.value = value as string;
  input.dispatchEvent(new Event('change', { bubbles: true }));
}

describe('e2e: the GrapesJS plugin in the real editor', () => {
  it('the conference block, its traits set in the panel, exported, connects and publishes on a page of its own', async function () {
    this.timeout(120_000);
    const room = uniqueRoom('grapes');
    const identity = `builder-${room}`;
    const { editor, container } = await openEditor();

    // The blocks: a conference, a room with controls, and each control alone.
    const ids = editor.Blocks.getAll().map((b: { getId(): string }) => b.getId());
    expect(ids).to.include.members(['lk-conference', 'lk-room-with-controls', 'lk-microphone-toggle', 'lk-camera-toggle']);
    expect(ids.length).to.equal(BLOCKS.length);

    // The conference block dropped on the page: what a drop adds is the block's content.
    const block = editor.Blocks.get('lk-conference');
    const [conference] = editor.getWrapper()!.append<Component>(block.getContent() as string);
    expect(conference.get('type')).to.equal('lk-conference');
    editor.select(conference);
    editor.runCommand('core:open-traits');

    // Its traits, made from the manifest: the room first, a checkbox for a boolean, a
    // default/true/false select for a tri-state, the grammar's text as a text field's help.
    const traits = conference.getTraits();
    expect(traits.slice(0, 7).map((t) => t.getName())).to.deep.equal([
      'token-endpoint', 'room-name', 'participant-name', 'participant-identity', 'connect', 'audio', 'video',
    ]);
    expect(conference.getTrait('connect').getType()).to.equal('checkbox');
    const simulcast = conference.getTrait('simulcast');
    expect(simulcast.getType()).to.equal('select');
    expect(simulcast.getOptions().map((o) => o.id)).to.deep.equal(['', 'true', 'false']);
    expect(conference.getTrait('video-codec').getOptions().map((o) => o.id)).to.deep.equal(['', 'vp8', 'h264', 'vp9', 'av1', 'h265']);
    expect(String((conference.getTrait('video-max-bitrate').attributes as { help?: string }).help)).to.include('800k');

    // Set in the traits panel, as a person types and clicks.
    await waitFor(() => container.querySelector('.gjs-trt-trait'), 'the traits panel shows the conference');
    // The help is the setting's tooltip in the panel.
    expect(container.querySelector('.gjs-trt-trait__wrp-video-max-bitrate')?.getAttribute('title')).to.include('bitrate: video bits per second');
    change(field<HTMLInputElement>(container, 'token-endpoint'), '/api/token');
    change(field<HTMLInputElement>(container, 'room-name'), room);
    change(field<HTMLInputElement>(container, 'participant-identity'), identity);
    change(field<HTMLInputElement>(container, 'connect'), true);
    change(field<HTMLInputElement>(container, 'video'), true);
    change(field<HTMLInputElement>(container, 'audio'), true);
    change(field<HTMLSelectElement>(container, 'simulcast'), 'false');
    change(field<HTMLSelectElement>(container, 'video-codec'), 'vp8');
    // A select set back to "Default" and an emptied field leave no attribute.
    change(field<HTMLSelectElement>(container, 'video-codec'), '');
    change(field<HTMLInputElement>(container, 'participant-name'), 'Ann');
    change(field<HTMLInputElement>(container, 'participant-name'), '');
    expect(conference.getAttributes()).to.include({ 'token-endpoint': '/api/token', 'room-name': room, connect: true, simulcast: 'false' });

    // In the canvas: the kit loaded, and the conference in preview (on the canvas's element only).
    const canvasWindow = editor.Canvas.getWindow();
    await waitFor(() => canvasWindow.customElements.get('lk-conference'), 'the kit defined the elements in the canvas');
    const canvasConference = editor.Canvas.getDocument()!.querySelector('lk-conference')!;
    expect(canvasConference.hasAttribute('preview')).to.equal(true);
    expect(canvasConference.getAttribute('token-endpoint')).to.equal('/api/token');
    expect(conference.getAttributes()).not.to.have.property('preview');
    // The canvas shows the simulated call, not a real one, though connect and the credentials are
    // set: four tiles, and nobody of this room on the server.
    await waitFor(() => canvasConference.connectionState === 'connected', 'the preview in the canvas');
    await waitFor(() => deepQueryAll(canvasConference.shadowRoot!, 'lk-participant-tile').length === 4, 'four simulated tiles in the canvas');
    expect(await serverParticipants(room)).to.not.include(identity);

    // The export: the attributes as set, booleans bare, nothing of the canvas.
    const exported = editor.getHtml();
    const markup = exported.replace(/^<body[^>]*>|<\/body>$/g, '');
    const tag = /<lk-conference[^>]*>/.exec(markup)?.[0] ?? '';
    expect(tag).to.include('token-endpoint="/api/token"');
    expect(tag).to.include(`room-name="${room}"`);
    expect(tag).to.include(`participant-identity="${identity}"`);
    expect(tag).to.include('simulcast="false"');
    expect(tag).to.match(/ connect[ >]/);
    expect(tag).to.match(/ video[ >]/);
    expect(tag).to.match(/ audio[ >]/);
    expect(tag).not.to.include('video-codec');
    expect(tag).not.to.include('participant-name');
    expect(exported).not.to.include('preview');
    const css = editor.getCss() ?? '';
    // The conference leaves the canvas before the page is loaded alone: only the exported page
    // is in the room from now on.
    conference.remove();
    expect(editor.Canvas.getDocument()!.querySelector('lk-conference')).to.equal(null);

    // The exported page alone: its markup and the kit's script, nothing else.
    const srcdoc = `<!doctype html><html><head><style>${css}</style></head><body>${markup}<script type="module" src="/dist/livekit-elements.js"></script></body></html>`;
    const frame = await fixture<HTMLIFrameElement>(html`<iframe title="The exported page" allow="camera; microphone; autoplay" style="width: 800px; height: 600px" .srcdoc=${srcdoc}></iframe>`);
    await waitFor(() => frame.contentWindow?.customElements.get('lk-conference'), 'the bundle defined the elements');
    const lk = await waitFor(() => frame.contentDocument!.querySelector<LkConference>('lk-conference'), 'the conference');
    await waitFor(() => lk.connectionState === 'connected', 'the exported conference connected');

    // The server lists the participant; another participant receives its camera and microphone.
    await waitFor(async () => (await serverParticipants(room)).includes(identity), 'the server lists the participant');
    const { server_url, participant_token } = await fetchToken(room, `watcher-${room}`);
    const watcher = new Room();
    try {
      await watcher.connect(server_url, participant_token);
      const remote = await waitFor(() => watcher.remoteParticipants.get(identity), 'the watcher sees the participant');
      const published = (source: Track.Source) => remote.getTrackPublication(source);
      const camera = await waitFor(() => published(Track.Source.Camera)?.track, 'the camera arrives', 30_000);
      const microphone = await waitFor(() => published(Track.Source.Microphone)?.track, 'the microphone arrives', 30_000);
      // simulcast="false": one layer published.
      expect(published(Track.Source.Camera)!.simulcasted).to.not.equal(true);
      const bytes = async (track: Track) => {
        let received = 0;
        (await track.getRTCStatsReport())?.forEach((s: { type: string; bytesReceived?: number }) => {
          if (s.type === 'inbound-rtp') received += s.bytesReceived ?? 0;
        });
        return received;
      };
      await waitFor(async () => (await bytes(camera)) > 10_000, 'video bytes received', 30_000);
      await waitFor(async () => (await bytes(microphone)) > 1_000, 'audio bytes received', 30_000);
    } finally {
      await watcher.disconnect();
      await lk.leave();
      editor.destroy();
    }
  });

  it('the room-with-controls and single-control blocks: a component type per element, the room a drop target, preview on the room in the canvas only', async () => {
    const { editor } = await openEditor();
    try {
      const wrapper = editor.getWrapper()!;
      const [room] = wrapper.append<Component>(editor.Blocks.get('lk-room-with-controls').getContent() as string);
      const [camera] = wrapper.append<Component>(editor.Blocks.get('lk-camera-toggle').getContent() as string);
      expect(room.get('type')).to.equal('lk-room');
      expect(room.get('droppable')).to.equal(true);
      expect(camera.get('type')).to.equal('lk-camera-toggle');
      expect(camera.get('droppable')).to.equal(false);
      const types = room.find('*').map((c) => c.get('type'));
      expect(types).to.include.members(['lk-participants', 'lk-microphone-toggle', 'lk-camera-toggle', 'lk-screenshare', 'lk-leave-button']);
      // A control's own settings: a grammar as text with its help, an enumeration as a select.
      expect(camera.getTrait('resolution').getType()).to.equal('text');
      expect(String((camera.getTrait('resolution').attributes as { help?: string }).help)).to.include('`WxH@fps`');
      expect(camera.getTrait('facing-mode').getOptions().map((o) => o.id)).to.deep.equal(['', 'user', 'environment', 'left', 'right']);
      expect(camera.getTraits().map((t) => t.getName())).not.to.include('pressed');

      const doc = editor.Canvas.getDocument()!;
      await waitFor(() => editor.Canvas.getWindow().customElements.get('lk-room'), 'the kit defined the elements in the canvas');
      expect(doc.querySelector('lk-room')!.hasAttribute('preview')).to.equal(true);
      expect(doc.querySelector('lk-camera-toggle')!.hasAttribute('preview')).to.equal(false);
      // A change to the room's settings rewrites its canvas element: preview stays.
      room.getTrait('room-name').setValue('design');
      expect(doc.querySelector('lk-room')!.getAttribute('room-name')).to.equal('design');
      expect(doc.querySelector('lk-room')!.hasAttribute('preview')).to.equal(true);
      expect(editor.getHtml()).to.include('<lk-room room-name="design"');
      expect(editor.getHtml()).not.to.include('preview');
    } finally {
      editor.destroy();
    }
  });

  it('preview: false leaves the canvas as live', async () => {
    const { editor } = await openEditor({ preview: false });
    try {
      editor.getWrapper()!.append(editor.Blocks.get('lk-conference').getContent() as string);
      await waitFor(() => editor.Canvas.getWindow().customElements.get('lk-conference'), 'the kit defined the elements in the canvas');
      expect(editor.Canvas.getDocument()!.querySelector('lk-conference')!.hasAttribute('preview')).to.equal(false);
    } finally {
      editor.destroy();
    }
  });
});
