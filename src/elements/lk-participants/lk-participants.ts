import { html, nothing, svg, type PropertyDeclarations } from 'lit';
import { RoomEvent, Track, type Participant, type Room } from 'livekit-client';
import { ContextProvider, participantContext } from '../../context.js';
import { AttributeParser } from '../../controllers/attribute-parser.js';
import { participantByIdentity } from '../../controllers/participant-binding.js';
import { RoomEventsController } from '../../controllers/room-events.js';
import { enumParser } from '../../core/grammar.js';
import { SORTS, autoPageSize, clampPage, focusKey, pageCount, pageItems, parsePage, parsePageSize, speakerOrder } from '../../core/layout.js';
import {
  DEFAULT_TILE_SOURCES,
  gridColumns,
  gridItems,
  insertSteps,
  parseLayout,
  parseParticipantFilter,
  parseTileSources,
  roomParticipants,
  type GridItem,
  type Layout,
  type ParticipantSummary,
  type TileSource,
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

const parseSort = enumParser(SORTS);

/** A horizontal swipe at least this long (CSS px) turns the page. */
const SWIPE_DISTANCE = 48;

const chevron = (d: string) =>
  svg`<svg viewBox="0 0 24 24" width="20" height="20" fill="none" stroke="currentColor" stroke-width="2" stroke-linecap="round" stroke-linejoin="round" aria-hidden="true"><path d=${d} /></svg>`;

/** The size of the box and the least a tile may be, read from the element's CSS. */
interface Fit {
  columns: number;
  rows: number;
}

/**
 * One tile per participant (and one per screen share) in a responsive grid, kept up to date as
 * people join, leave, and start or stop sharing their screen. Tiles that stay are never re-created
 * or moved, so their video keeps playing without being attached again.
 *
 * With `page-size` the grid shows one page of tiles at a time, with page buttons (and PageUp,
 * PageDown, Home and End, and a swipe on a touch screen). Tiles on other pages are not in the page
 * at all, so their video is not received (adaptive stream). `page-size="auto"` fits as many tiles as
 * the box holds at `--lk-participants-min-tile-width`.
 *
 * Pinning a tile (its pin button, `pinned` on a tile, or the room session from script) is shared by
 * every element of the room: in the `focus` and `speaker` layouts the pinned tile is shown large
 * and the others in a strip beside it that scrolls (tiles scrolled out of view receive no video);
 * in the `grid` and `audio` layouts it comes first. `sort="speaker"` brings recent speakers onto the
 * first page (or the visible part of the strip) without moving the tiles already there.
 *
 * The tiles are `<lk-participant-tile>`s, or, when the element holds a `<template>`, a copy of that
 * template per participant (`<template data-source="screen_share">` for screen shares, which
 * otherwise get the default screen-share tile; `data-source="microphone"` for the audio layout).
 * Each item is a `<div>` child of this element, provides its participant to the elements inside (so
 * an `<lk-track-view>` or `<lk-participant-name>` in the template needs no `participant`
 * attribute), and carries `data-identity` and `data-source`. Items live in the page's DOM, so the
 * page's CSS styles a template's markup.
 *
 * @summary Every participant as a tile: a grid in pages, a focus or speaker layout, or an audio room.
 * @tag lk-participants
 *
 * @slot - A `<template>` to stamp per participant instead of the default tile; `<template data-source="screen_share">` for screen shares, `data-source="microphone"` for the audio layout.
 * @slot empty - Shown while there is nobody to show.
 *
 * @csspart layout - The outer box: the grid, and in the focus layouts the focused tile beside it (above it when the box is narrower than 40rem).
 * @csspart grid - The grid of tiles (the strip, in the focus layouts).
 * @csspart focus - The large area of the `focus` and `speaker` layouts.
 * @csspart pagination - The page buttons and the page number, over the foot of the grid while there is more than one page.
 * @csspart page-button - Each page button (also `previous-page` or `next-page`).
 * @csspart previous-page - The previous-page button.
 * @csspart next-page - The next-page button.
 * @csspart page-indicator - The current page and the page count ("2 / 5").
 *
 * @cssprop [--lk-grid-gap=0.5rem] - Space between tiles.
 * @cssprop [--lk-participants-min-tile-width=8rem] - Tiles get no narrower: fewer columns instead (and `page-size="auto"` fits tiles of this width).
 * @cssprop [--lk-participants-tile-aspect-ratio=16 / 9] - The aspect ratio of each tile (1 in the audio layout).
 * @cssprop [--lk-participants-strip-width=minmax(8rem, 22%)] - Width of the strip of other tiles beside a focused one.
 * @cssprop [--lk-participants-pagination-bg=rgb(0 0 0 / 60%)] - Behind the page buttons.
 * @cssprop [--lk-participants-pagination-fg=#fff] - The page buttons and the page number.
 *
 * @fires lk-page-changed - `{page, pageCount}`: the page shown or the number of pages changed.
 * @fires lk-error - `{code: 'invalid-attribute', attribute, value, accepted}` for a `filter`, `sources`, `layout`, `page-size`, `page` or `sort` it does not know.
 */
export class LkParticipants extends LkRoomBoundElement {
  static override properties: PropertyDeclarations = {
    filter: {},
    sources: {},
    layout: {},
    pageSize: { attribute: 'page-size' },
    page: { noAccessor: true, reflect: true },
    pageCount: { attribute: 'page-count', type: Number, reflect: true },
    sort: {},
    previousPageLabel: { attribute: 'previous-page-label' },
    nextPageLabel: { attribute: 'next-page-label' },
    paginationLabel: { attribute: 'pagination-label' },
  };

  /** @internal */
  protected static override readonly readOnlyProperties: readonly string[] = ['pageCount'];

  static override styles = [LkElement.styles, styles];

  /** Whom to show: `all` (default), `remote` or `local`. */
  filter?: string;

  /** Which tiles: a list of `camera` (a tile per participant), `screen_share` (a tile per screen share) and `microphone` (an audio tile per participant). Default: camera and screen share. */
  sources?: string;

  /** `grid` (default), `focus` (the pinned tile, else a screen share, large), `speaker` (as focus, else the last remote speaker large) or `audio` (audio tiles, no video). */
  layout?: string;

  /** Tiles per page: a whole number from 1 to 100, or `auto` (as many as fit the box). Absent: one page with every tile, scrolling. While a tile is in focus (`focus`, `speaker`) the others are in a strip that scrolls instead. */
  pageSize?: string | number;

  /** `join` (default: the order people joined, the local participant first) or `speaker` (recent speakers move onto the first page). */
  sort?: string;

  /** The number of pages (1 without `page-size`). Reflected for CSS. Read-only. @readonly */
  pageCount = 1;

  /** The previous-page button's name, for screen readers. Default: "Previous page" in the page's language. */
  previousPageLabel?: string;
  /** The next-page button's name, for screen readers. Default: "Next page" in the page's language. */
  nextPageLabel?: string;
  /** The page control's name, for screen readers. Default: "Pages" in the page's language. */
  paginationLabel?: string;

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
  /** Speakers reorder the tiles or change the focus only when the sort or the layout asks. */
  #speakers = new RoomEventsController(this, { [RoomEvent.ActiveSpeakersChanged]: () => this.requestUpdate() });
  protected override roomChanged(room: Room | undefined): void {
    // The speakers' listener follows in the update the room change asks for.
    this.#events.room = room;
  }
  #items = new Map<string, Item>();
  #byElement = new WeakMap<Element, Item>();
  /** The items in the page now: the focused one (if any), then the page's. */
  #shown: GridItem[] = [];
  #focus?: string;
  #layout: Layout = 'grid';
  #followsSpeakers = false;
  /** The speaker order kept from one update to the next. */
  #order: string[] = [];
  /** The page asked for (`page` set), and the page shown. */
  #requestedPage = 1;
  /** A page set since the last update, not read yet. */
  #pageValue?: number | string;
  #page = 1;
  #paged = false;
  #fit: Fit = { columns: 1, rows: 1 };
  #measuredFor?: string;
  /** The box's fit is read only for `page-size="auto"` and the speaker sort. */
  #needsFit = false;
  #resize?: ResizeObserver;
  #swipeStart?: { x: number; y: number; id: number };
  #announced = { page: 1, pageCount: 1 };

  /** The page shown, from 1. Set it (or the `page` attribute) to turn the page; a page past the last shows the last. Reflected. */
  get page(): number {
    return this.#page;
  }

  set page(page: number | string) {
    // Read in the next update, which shows the page (and reflects it).
    this.#pageValue = page;
    this.requestUpdate();
  }

  /** The item elements, in order: one `<div>` per tile in the page now (the focused one first). */
  get items(): HTMLElement[] {
    return this.#shown.flatMap((item) => this.#items.get(item.key)?.element ?? []);
  }

  /** Shows the next page (no-op on the last). */
  nextPage(): void {
    this.#turn(this.#page + 1);
  }

  /** Shows the previous page (no-op on the first). */
  previousPage(): void {
    this.#turn(this.#page - 1);
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.#resize = new ResizeObserver(() => this.#measure());
    this.#resize.observe(this);
    this.addEventListener('keydown', this.#onKey);
    // Back in the page: the room may have changed meanwhile.
    this.requestUpdate();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#resize?.disconnect();
    this.#resize = undefined;
    this.removeEventListener('keydown', this.#onKey);
  }

  protected override willUpdate(): void {
    const filter = this.#attrs.parse('filter', this.filter, parseParticipantFilter, 'all');
    const chosen = this.#attrs.parse('sources', this.sources, parseTileSources, [...DEFAULT_TILE_SOURCES]);
    const layout = this.#attrs.parse('layout', this.layout, parseLayout, 'grid');
    const sources: TileSource[] = layout === 'audio' ? [Track.Source.Microphone] : chosen;
    const pageSize = this.#attrs.parse('page-size', this.pageSize, parsePageSize, undefined);
    const sort = this.#attrs.parse('sort', this.sort, parseSort, 'join');
    if (this.#pageValue !== undefined) this.#requestedPage = this.#attrs.parse('page', this.#pageValue, parsePage, 1);
    this.#pageValue = undefined;
    this.#attrs.report();
    this.#layout = layout;
    this.#followsSpeakers = sort === 'speaker' || layout === 'speaker';
    this.#speakers.room = this.#followsSpeakers ? this.livekitRoom : undefined;

    const participants = roomParticipants(this.livekitRoom);
    const lastSpoke = new Map(participants.map((p) => [p.identity, p.lastSpokeAt?.getTime() ?? 0]));
    const all = gridItems(participants.map(summary), filter, sources);
    const pinned = this.session?.pins.pinned;
    const focusing = layout === 'focus' || layout === 'speaker';
    this.#focus = focusing ? focusKey(all, { pinned, layout, lastSpoke, localIdentity: this.livekitRoom?.localParticipant.identity }) : undefined;
    let rest = all.filter((item) => item.key !== this.#focus);
    // In the grid layouts the pinned tile comes first.
    const first = focusing ? undefined : rest.find((item) => pinned && item.identity === pinned.identity && String(item.source) === pinned.source);
    if (first) rest = [first, ...rest.filter((item) => item !== first)];

    // Pages while nothing is in focus; a focused tile has the strip beside it, which scrolls.
    this.#paged = pageSize !== undefined && !this.#focus;
    this.#needsFit = pageSize === 'auto' || sort === 'speaker';
    const size = pageSize === 'auto' ? this.#fit.columns * this.#fit.rows : (pageSize ?? rest.length);
    if (sort === 'speaker') {
      // The visible tiles: the first page, or as many of the strip as fit.
      const visible = this.#paged ? size : this.#fit.columns * this.#fit.rows;
      const byKey = new Map(rest.map((item) => [item.key, item]));
      const movable = rest.filter((item) => item !== first).map((item) => item.key);
      const speaking = new Map(movable.map((key) => [key, byKey.get(key)!.source === Track.Source.ScreenShare ? 0 : (lastSpoke.get(byKey.get(key)!.identity) ?? 0)]));
      this.#order = speakerOrder(this.#order, movable, speaking, visible - (first ? 1 : 0));
      rest = [...(first ? [first] : []), ...this.#order.map((key) => byKey.get(key)!)];
    } else {
      this.#order = [];
    }

    const pageTotal = this.#paged ? pageCount(rest.length, Math.max(1, size)) : 1;
    // Nobody yet (not connected): the page asked for waits for the tiles to come.
    const page = rest.length === 0 ? this.#requestedPage : clampPage(this.#requestedPage, rest.length, Math.max(1, size));
    if (rest.length > 0) this.#requestedPage = page;
    const shownPage = Math.min(page, pageTotal);
    const previousPage = this.#page;
    this.#page = shownPage;
    if (shownPage !== previousPage) this.requestUpdate('page', previousPage);
    this.pageCount = pageTotal;
    const onPage = this.#paged ? pageItems(rest, this.#page, Math.max(1, size)) : rest;
    const focused = all.find((item) => item.key === this.#focus);
    this.#shown = focused ? [focused, ...onPage] : onPage;
  }

  protected override render() {
    const paginated = this.#paged && this.pageCount > 1;
    return html`<div part="layout" class=${this.#focus ? 'focus' : this.#layout === 'audio' ? 'audio' : ''}>
        ${this.#focus ? html`<div part="focus"><slot name=${FOCUS_SLOT}></slot></div>` : nothing}
        <div part="grid" class=${paginated ? 'paged' : ''} @pointerdown=${this.#onPointerDown} @pointerup=${this.#onPointerUp} @pointercancel=${this.#onPointerCancel}>
          <slot name=${ITEM_SLOT}></slot>
        </div>
        <div class="probe" aria-hidden="true"></div>
      </div>
      ${paginated
        ? html`<div part="pagination" role="group" aria-label=${this.paginationLabel ?? this.i18n.t('pages')}>
            <button part="page-button previous-page" type="button" aria-label=${this.previousPageLabel ?? this.i18n.t('previousPage')} ?disabled=${this.#page <= 1} @click=${() => this.previousPage()}>
              ${chevron('M15 18l-6-6 6-6')}
            </button>
            <span part="page-indicator" aria-live="polite">${this.#page} / ${this.pageCount}</span>
            <button part="page-button next-page" type="button" aria-label=${this.nextPageLabel ?? this.i18n.t('nextPage')} ?disabled=${this.#page >= this.pageCount} @click=${() => this.nextPage()}>
              ${chevron('M9 18l6-6-6-6')}
            </button>
          </div>`
        : nothing}
      ${this.#shown.length === 0 ? html`<slot name="empty"></slot>` : nothing}
      <slot hidden @slotchange=${() => this.requestUpdate()}></slot>`;
  }

  protected override updated(): void {
    // The column count for the grid's CSS, set through the CSSOM (no style attribute: a strict
    // Content-Security-Policy allows it). Paged to fit the box, no more rows than fit.
    const inGrid = this.#shown.length - (this.#focus ? 1 : 0);
    const columns = this.#paged && this.pageSize === 'auto' ? Math.max(gridColumns(inGrid), Math.ceil(inGrid / this.#fit.rows)) : gridColumns(inGrid);
    this.renderRoot.querySelector<HTMLElement>('[part=grid]')!.style.setProperty('--_cols', String(columns));
    this.#reconcile();
    // A new layout or page size may fit another number of tiles.
    const measuredFor = this.#needsFit ? `${this.#layout} ${String(this.pageSize)} ${String(this.sort)}` : undefined;
    if (measuredFor !== this.#measuredFor) {
      this.#measuredFor = measuredFor;
      this.#measure();
    }
    const { page, pageCount } = this;
    if (page !== this.#announced.page || pageCount !== this.#announced.pageCount) {
      this.#announced = { page, pageCount };
      this.emit('lk-page-changed', { page, pageCount });
    }
  }

  #turn(page: number): void {
    const next = Math.min(Math.max(1, page), this.pageCount);
    if (next === this.#page) return;
    const focused = (this.renderRoot as ShadowRoot).activeElement;
    this.page = next;
    // A page button that gets disabled (the first or the last page) would drop the keyboard focus
    // out of the element: it moves to the other page button.
    if (!(focused instanceof HTMLButtonElement)) return;
    void this.updateComplete.then(() => {
      if (focused.disabled) this.renderRoot.querySelector<HTMLButtonElement>('[part~=page-button]:not(:disabled)')?.focus();
    });
  }

  /** How many tiles of the minimum width fit the box, for `page-size="auto"` and the speaker sort. */
  #measure(): void {
    if (!this.#needsFit) return;
    const probe = this.renderRoot.querySelector<HTMLElement>('.probe');
    if (!probe) return;
    const style = getComputedStyle(probe);
    const ratio = parseRatio(style.aspectRatio);
    const fitColumns = autoPageSize({ width: this.clientWidth, height: 0, minTileWidth: probe.offsetWidth, aspectRatio: ratio, gap: parseFloat(style.columnGap) || 0 });
    const size = autoPageSize({ width: this.clientWidth, height: this.clientHeight, minTileWidth: probe.offsetWidth, aspectRatio: ratio, gap: parseFloat(style.columnGap) || 0 });
    const fit = { columns: fitColumns, rows: Math.max(1, Math.floor(size / fitColumns)) };
    if (fit.columns === this.#fit.columns && fit.rows === this.#fit.rows) return;
    this.#fit = fit;
    this.requestUpdate();
  }

  #onKey = (event: KeyboardEvent): void => {
    if (!this.#paged || event.defaultPrevented || event.altKey || event.ctrlKey || event.metaKey || isEditable(event.composedPath()[0])) return;
    const to = { PageDown: this.#page + 1, PageUp: this.#page - 1, Home: 1, End: this.pageCount }[event.key];
    if (to === undefined) return;
    event.preventDefault();
    this.#turn(to);
  };

  #onPointerDown = (event: PointerEvent): void => {
    if (event.pointerType === 'touch' && this.#paged) this.#swipeStart = { x: event.clientX, y: event.clientY, id: event.pointerId };
  };

  #onPointerUp = (event: PointerEvent): void => {
    const start = this.#swipeStart;
    this.#swipeStart = undefined;
    if (!start || start.id !== event.pointerId) return;
    const dx = event.clientX - start.x;
    const dy = event.clientY - start.y;
    if (Math.abs(dx) < SWIPE_DISTANCE || Math.abs(dx) < 2 * Math.abs(dy)) return;
    // Swiping towards the start of the line shows what comes after, in either writing direction.
    const forward = getComputedStyle(this).direction === 'rtl' ? dx > 0 : dx < 0;
    this.#turn(this.#page + (forward ? 1 : -1));
  };

  #onPointerCancel = (): void => {
    this.#swipeStart = undefined;
  };

  /** Makes the item children match the tiles shown: removes those that left or are on another page, adds newcomers, moves as few as it can. */
  #reconcile(): void {
    const room = this.livekitRoom;
    const wanted = new Set(this.#shown.map((item) => item.key));
    for (const [key, item] of this.#items) {
      // Gone, or its template was replaced: a new item is made below.
      if (wanted.has(key) && item.template === this.#template(item.source)) continue;
      item.element.remove();
      this.#items.delete(key);
    }
    for (const gridItem of this.#shown) {
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
    for (const step of insertSteps(current, this.#shown.map((item) => item.key))) {
      const before = step.before === null ? null : this.#items.get(step.before)!.element;
      this.insertBefore(this.#items.get(step.key)!.element, before);
    }
  }

  /** The `<template>` child for a source: `data-source` names screen-share and microphone ones. */
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

/** `16 / 9` or `1.5` as a number; 16/9 for anything else (`auto`). */
function parseRatio(value: string): number {
  const [a, b = '1'] = value.split('/').map((part) => part.trim());
  const ratio = parseFloat(a) / parseFloat(b);
  return Number.isFinite(ratio) && ratio > 0 ? ratio : 16 / 9;
}

/** Keys typed into a field (a chat input in a template) are the field's. */
function isEditable(target: EventTarget | undefined): boolean {
  return target instanceof HTMLElement && (target.isContentEditable || target instanceof HTMLInputElement || target instanceof HTMLTextAreaElement || target instanceof HTMLSelectElement);
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
