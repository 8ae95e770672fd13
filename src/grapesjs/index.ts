/**
 * `livekit-elements/grapesjs`: a GrapesJS plugin. It adds a component type per `lk-*` element with
 * traits made from custom-elements.json (./traits.ts), blocks for a whole conference, a room with
 * controls and each control alone, and loads the kit into the canvas so the elements render there.
 * It does not include GrapesJS: the editor it is given is the page's own.
 *
 *   import grapesjs from 'grapesjs';
 *   import livekit from 'livekit-elements/grapesjs';
 *   grapesjs.init({ container: '#gjs', plugins: [livekit], pluginsOpts: { 'livekit-elements': { script: '/livekit-elements.js' } } });
 *
 * In the canvas, `<lk-room>` and `<lk-conference>` get `preview` (a call with simulated
 * participants, no server): on the canvas's element only, so the exported HTML never has it.
 */
import type { Component, Editor, Plugin, TraitProperties } from 'grapesjs';
import { CATALOG } from './catalog.js';
import { attributeValue, traitsOf, traitValue, type TraitInput, type TraitSpec } from './traits.js';

export { CATALOG } from './catalog.js';
export * from './traits.js';

export interface LivekitGrapesOptions {
  /**
   * The URL of the kit's one-file bundle (`dist/livekit-elements.js`) that the canvas loads so the
   * elements render while the page is designed. Without it the elements show as empty boxes.
   */
  script?: string;
  /** Add the blocks (default `true`). */
  blocks?: boolean;
  /** The block category's name (default `LiveKit`). */
  category?: string;
  /** Show `<lk-room>` and `<lk-conference>` in `preview` in the canvas (default `true`). */
  preview?: boolean;
}

/** The elements that hold a room and may take other elements inside. */
const ROOM_HOSTS = ['lk-room', 'lk-conference', 'lk-voice-agent'];
/** The room hosts that render a simulated call with `preview`. */
const PREVIEW_HOSTS = ['lk-room', 'lk-conference'];

/** One control alone: a block each. */
const CONTROL_BLOCKS: readonly (readonly [tag: string, label: string])[] = [
  ['lk-microphone-toggle', 'Microphone button'],
  ['lk-camera-toggle', 'Camera button'],
  ['lk-screenshare', 'Screen share button'],
  ['lk-leave-button', 'Leave button'],
  ['lk-device-select', 'Device picker'],
  ['lk-chat', 'Chat'],
  ['lk-participant-list', 'Participant list'],
  ['lk-connection-state', 'Connection state'],
  ['lk-start-audio', 'Start audio button'],
];

/** The blocks: `{ id, label, content }`, content being the markup a drop adds. */
export const BLOCKS: readonly { readonly id: string; readonly label: string; readonly content: string }[] = [
  { id: 'lk-conference', label: 'Conference', content: '<lk-conference></lk-conference>' },
  {
    id: 'lk-room-with-controls',
    label: 'Room with controls',
    content:
      '<lk-room><lk-participants></lk-participants><div><lk-microphone-toggle></lk-microphone-toggle><lk-camera-toggle></lk-camera-toggle><lk-screenshare></lk-screenshare><lk-leave-button></lk-leave-button></div></lk-room>',
  },
  ...CONTROL_BLOCKS.map(([tag, label]) => ({ id: tag, label, content: `<${tag}></${tag}>` })),
];

/** A GrapesJS trait that reads and writes the attribute as {@link traitValue}/{@link attributeValue} say. */
function grapesTrait(spec: TraitSpec): TraitProperties {
  return {
    type: spec.kind,
    name: spec.name,
    label: spec.label,
    category: spec.category,
    ...(spec.options ? { options: spec.options.map((o) => ({ id: o.id, label: o.label })) } : {}),
    ...(spec.placeholder ? { placeholder: spec.placeholder } : {}),
    // The help shows as the setting's tooltip (`attributes` go on its row in the traits panel),
    // and stays on the trait for a custom trait panel.
    attributes: { title: spec.help },
    help: spec.help,
    getValue: ({ component }: { component: Component }) => traitValue(spec, component.getAttributes()[spec.name] as TraitInput),
    setValue: ({ component, value }: { component: Component; value: TraitInput }) => {
      const next = attributeValue(spec.kind, value);
      if (next === null) component.removeAttributes(spec.name);
      else component.addAttributes({ [spec.name]: next });
    },
  } as TraitProperties;
}

/** The plugin's id: its key in `pluginsOpts`. */
export const PLUGIN_ID = 'livekit-elements';

const livekitElements: Plugin<LivekitGrapesOptions> = Object.assign(
  (editor: Editor, options: LivekitGrapesOptions = {}) => {
    const { script, blocks = true, category = 'LiveKit', preview = true } = options;

    if (script) {
      // The canvas model took the configured `scripts` before plugins run: add to its list, which
      // each frame loads, in order, before it renders the page.
      const canvas = editor.Canvas.getModel();
      canvas.set('scripts', [...((canvas.get('scripts') as unknown[] | undefined) ?? []), { src: script, type: 'module' }]);
    } else {
      console.warn(
        'livekit-elements/grapesjs: no `script` option, so the lk-* elements do not render in the canvas. Pass the URL of dist/livekit-elements.js, e.g. { script: "/livekit-elements.js" }.',
      );
    }

    /** GrapesJS's own component view, whose attribute update the room hosts' view extends. */
    type CanvasView = { el: HTMLElement };
    const defaultView = editor.Components.getType('default').view as { prototype: { updateAttributes(this: CanvasView): void } };
    for (const element of CATALOG.elements) {
      const tag = element.tag;
      const traits = traitsOf(element, CATALOG.grammars).map(grapesTrait);
      const previewHere = preview && PREVIEW_HOSTS.includes(tag);
      editor.Components.addType(tag, {
        isComponent: (el: HTMLElement) => el.tagName?.toLowerCase() === tag,
        model: {
          defaults: {
            tagName: tag,
            name: `<${tag}>`,
            droppable: ROOM_HOSTS.includes(tag),
            traits,
          },
        },
        view: previewHere
          ? {
              // GrapesJS rewrites the canvas element's attributes from the model on every change:
              // `preview` goes back on each time, and only here, never into the model.
              updateAttributes(this: CanvasView) {
                defaultView.prototype.updateAttributes.call(this);
                this.el.setAttribute('preview', '');
              },
            }
          : {},
      });
    }

    if (blocks) {
      for (const block of BLOCKS) {
        editor.Blocks.add(block.id, { label: block.label, category, content: block.content, attributes: { title: block.label } });
      }
    }
  },
  { __gjsPluginId: PLUGIN_ID },
);

export default livekitElements;
