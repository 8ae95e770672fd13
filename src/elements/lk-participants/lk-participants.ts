import { html, nothing, type PropertyDeclarations } from 'lit';
import { ConnectionState, RoomEvent, Track, type Participant, type Room } from 'livekit-client';
import { ContextProvider, participantContext } from '../../context.js';
import { AttributeParser } from '../../controllers/attribute-parser.js';
import { participantByIdentity } from '../../controllers/participant-binding.js';
import { RoomEventsController } from '../../controllers/room-events.js';
import {
  DEFAULT_TILE_SOURCES,
  focusItem,
  gridColumns,
  gridItems,
  insertSteps,
  parseLayout,
  parseParticipantFilter,
  parseTileSources,
  type GridItem,
  type ParticipantSummary,
} from '../../core/participants.js';
import { LkElement } from '../base.js';
import { LkRoomBoundElement } from '../room-bound-element.js';
import { styles } from './lk-participants.styles.js';

/** The slots items go to: the grid, or the large area of `layout="focus"`. */
const ITEM_SLOT = 'lk-item';
const FOCUS_SLOT = 'lk-focus';

interface Item {
  key: string;
  source: Track.Source;
  element: HTMLElement;
  provider: ContextProvider<Participant | undefined>;
  template: HTMLTemplateElement | undefined;
}

/**
 * One tile per participant (and one per screen share) in a responsive grid, kept up to date as
 * people join, leave, and start or stop sharing their screen. Tiles that stay are never re-created
 * or moved, so their video keeps playing without being attached again.
 *
 * The tiles are `<lk-participant-tile>`s, or, when the element holds a `<template>`, a copy of that
 * template per participant (`<template data-source="screen_share">` for screen shares, which
 * otherwise get the default screen-share tile). Each item is a `<div>` child of this element,
 * provides its participant to the elements inside (so an `<lk-track-view>` or
 * `<lk-participant-name>` in the template needs no `participant` attribute), and carries
 * `data-identity` and `data-source`. Items live in the page's DOM, so the page's CSS styles a
 * template's markup.
 *
 * @summary Every participant as a tile, in a grid that stays stable as people come and go.
 * @tag lk-participants
 *
 * @slot - A `<template>` to stamp per participant instead of the default tile; `<template data-source="screen_share">` for screen shares.
 * @slot empty - Shown while there is nobody to show.
 *
 * @csspart layout - The outer box: the grid, and in focus layout the focused tile beside it (above it when the box is narrower than 40rem).
 * @csspart grid - The grid of tiles.
 * @csspart focus - The large area of `layout="focus"`.
 *
 * @cssprop [--lk-grid-gap=0.5rem] - Space between tiles.
 * @cssprop [--lk-participants-min-tile-width=8rem] - Tiles get no narrower: fewer columns instead.
 * @cssprop [--lk-participants-tile-aspect-ratio=16 / 9] - The aspect ratio of each tile.
 * @cssprop [--lk-participants-strip-width=minmax(8rem, 22%)] - Width of the column of other tiles beside a focused one.
 *
 * @fires lk-error - `{code: 'invalid-attribute', attribute, value, accepted}` for a `filter`, `sources` or `layout` it does not know.
 */
export class LkParticipants extends LkRoomBoundElement {
  static override properties: PropertyDeclarations = {
    filter: {},
    sources: {},
    layout: {},
  };

  static override styles = [LkElement.styles, styles];


  /** Whom to show: `all` (default), `remote` or `local`. */
  filter?: string;

  /** Which tiles: a list of `camera` (a tile per participant) and `screen_share` (a tile per screen share). Default: both. */
  sources?: string;

  /** `grid` (default), or `focus`: a screen share large, the other tiles beside it. */
  layout?: string;

  #attrs = new AttributeParser(this);
  #events = new RoomEventsController(
    this,
    Object.fromEntries(
      [
        RoomEvent.ConnectionStateChanged,
        RoomEvent.ParticipantConnected,
        RoomEvent.ParticipantDisconnected,
        RoomEvent.TrackPublished,
        RoomEvent.TrackUnpublished,
        RoomEvent.LocalTrackPublished,
        RoomEvent.LocalTrackUnpublished,
      ].map((event) => [event, () => this.requestUpdate()]),
    ),
  );
  protected override roomChanged(room: Room | undefined): void {
    this.#events.room = room;
  }
  #items = new Map<string, Item>();
  #byElement = new WeakMap<Element, Item>();
  #grid: GridItem[] = [];
  #focus?: string;


  /** The item elements, in order: one `<div>` per tile. */
  get items(): HTMLElement[] {
    return this.#grid.flatMap((item) => this.#items.get(item.key)?.element ?? []);
  }

  override connectedCallback(): void {
    super.connectedCallback();
    // Back in the page: the room may have changed meanwhile.
    this.requestUpdate();
  }

  protected override willUpdate(): void {
    const filter = this.#attrs.parse('filter', this.filter, parseParticipantFilter, 'all');
    const sources = this.#attrs.parse('sources', this.sources, parseTileSources, [...DEFAULT_TILE_SOURCES]);
    const layout = this.#attrs.parse('layout', this.layout, parseLayout, 'grid');
    this.#attrs.report();
    this.#grid = gridItems(this.#participants().map(summary), filter, sources);
    this.#focus = layout === 'focus' ? focusItem(this.#grid)?.key : undefined;
  }

  protected override render() {
    return html`<div part="layout" class=${this.#focus ? 'focus' : ''}>
        ${this.#focus ? html`<div part="focus"><slot name=${FOCUS_SLOT}></slot></div>` : nothing}
        <div part="grid"><slot name=${ITEM_SLOT}></slot></div>
      </div>
      ${this.#grid.length === 0 ? html`<slot name="empty"></slot>` : nothing}
      <slot hidden @slotchange=${() => this.requestUpdate()}></slot>`;
  }

  protected override updated(): void {
    // The column count for the grid's CSS, set through the CSSOM (no style attribute: a strict
    // Content-Security-Policy allows it).
    const inGrid = this.#grid.length - (this.#focus ? 1 : 0);
    this.renderRoot.querySelector<HTMLElement>('[part=grid]')!.style.setProperty('--_cols', String(gridColumns(inGrid)));
    this.#reconcile();
  }

  /** Everyone in the room while it is connected: the local participant first, then the others as they joined. */
  #participants(): Participant[] {
    const room = this.livekitRoom;
    if (!room || room.state === ConnectionState.Disconnected) return [];
    const local = room.localParticipant.identity ? [room.localParticipant] : [];
    return [...local, ...room.remoteParticipants.values()];
  }

  /** Makes the item children match the grid: removes those that left, adds newcomers, moves none. */
  #reconcile(): void {
    const room = this.livekitRoom;
    const wanted = new Set(this.#grid.map((item) => item.key));
    for (const [key, item] of this.#items) {
      // Gone, or its template was replaced: a new item is made below.
      if (wanted.has(key) && item.template === this.#template(item.source)) continue;
      item.element.remove();
      this.#items.delete(key);
    }
    for (const gridItem of this.#grid) {
      const participant = participantByIdentity(room, gridItem.identity);
      let item = this.#items.get(gridItem.key);
      if (!item) {
        item = this.#create(gridItem, participant);
        this.#items.set(gridItem.key, item);
      } else if (item.provider.value !== participant) {
        // The same identity in a new Room (a new connection): the tile stays, its participant changes.
        item.provider.setValue(participant);
      }
      const slot = gridItem.key === this.#focus ? FOCUS_SLOT : ITEM_SLOT;
      if (item.element.slot !== slot) item.element.slot = slot;
    }
    const current = [...this.children].flatMap((child) => this.#byElement.get(child)?.key ?? []);
    for (const step of insertSteps(current, this.#grid.map((item) => item.key))) {
      const before = step.before === null ? null : this.#items.get(step.before)!.element;
      this.insertBefore(this.#items.get(step.key)!.element, before);
    }
  }

  /** The `<template>` child for a source: `data-source` names screen-share ones. */
  #template(source: Track.Source): HTMLTemplateElement | undefined {
    const templates = [...this.children].filter((child): child is HTMLTemplateElement => child instanceof HTMLTemplateElement);
    const sourceOf = (template: HTMLTemplateElement): string => template.dataset.source || Track.Source.Camera;
    return templates.find((template) => sourceOf(template) === String(source));
  }

  #create(gridItem: GridItem, participant: Participant | undefined): Item {
    const element = document.createElement('div');
    element.dataset.identity = gridItem.identity;
    element.dataset.source = gridItem.source;
    const provider = new ContextProvider(element, participantContext, participant);
    const template = this.#template(gridItem.source);
    if (template) {
      element.append(document.importNode(template.content, true));
    } else {
      const tile = document.createElement('lk-participant-tile');
      if (gridItem.source !== Track.Source.Camera) tile.setAttribute('source', gridItem.source);
      element.append(tile);
    }
    const item = { key: gridItem.key, source: gridItem.source, element, provider, template };
    this.#byElement.set(element, item);
    return item;
  }
}

function summary(participant: Participant): ParticipantSummary {
  return {
    identity: participant.identity,
    isLocal: participant.isLocal,
    screenShare: !!participant.getTrackPublication(Track.Source.ScreenShare),
  };
}

declare global {
  interface HTMLElementTagNameMap {
    'lk-participants': LkParticipants;
  }
}
