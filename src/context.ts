/**
 * The shared contexts, through the Context Community Protocol
 * (https://github.com/webcomponents-cg/community-protocols/blob/main/proposals/context.md): a
 * consumer fires a bubbling, composed `context-request` event and the nearest provider of the same
 * key answers it, again on each change when the consumer subscribes. String keys, so that two
 * copies of the kit on one page, or a page's own `@lit/context` consumers, find the same rooms.
 *
 * A provider defined after its consumers (elements upgrade in any order) fires `context-provider`
 * when it enters the DOM; each consumer inside it asks again and so finds it.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { Participant, Room } from 'livekit-client';
import type { RoomSession } from './core/room-session.js';

/** A context key: a string that carries the type of its value (as `@lit/context`'s `Context`). */
export type Context<T> = string & { __context__: T };

/** The `Room` of the nearest `<lk-room>`. */
export const roomContext = 'livekit-elements/room' as Context<Room | undefined>;

/** The room session of the nearest `<lk-room>` or `<lk-conference>`: what the kit's own elements bind to. */
export const sessionContext = 'livekit-elements/session' as Context<RoomSession | undefined>;

/** The participant of the nearest `<lk-participant-tile>` or `<lk-participants>` item. */
export const participantContext = 'livekit-elements/participant' as Context<Participant | undefined>;

type Callback<T> = (value: T, unsubscribe?: () => void) => void;

/** The protocol's request: answered by the nearest provider of `context` above `contextTarget`. */
class ContextRequestEvent<T> extends Event {
  constructor(
    readonly context: Context<T>,
    readonly contextTarget: Element,
    readonly callback: Callback<T>,
    readonly subscribe: boolean,
    bubbles = true,
  ) {
    super('context-request', { bubbles, composed: bubbles });
  }
}

/** The protocol's announcement of a provider that has just appeared. */
class ContextProviderEvent extends Event {
  constructor(
    readonly context: string,
    readonly contextTarget: Element,
  ) {
    super('context-provider', { bubbles: true, composed: true });
  }
}

/** Whether `node` is `ancestor` or inside it, across shadow roots. */
function isWithin(node: Node | null, ancestor: Element): boolean {
  for (; node; node = node.parentNode ?? (node as ShadowRoot).host ?? null) if (node === ancestor) return true;
  return false;
}

/**
 * Answers `context` requests from inside `host` with `value`. On a Lit host it announces itself each
 * time the host enters the DOM; a plain element's provider must exist before its consumers enter.
 */
export class ContextProvider<T> implements ReactiveController {
  #subscribers = new Set<Callback<T>>();

  constructor(
    private readonly host: Element,
    private readonly context: Context<T>,
    public value: T,
  ) {
    (host as Partial<ReactiveControllerHost>).addController?.(this);
    host.addEventListener('context-request', (event) => {
      const request = event as ContextRequestEvent<T>;
      // Not this key, or the host's own request (a provider may consume from further up).
      if (request.context !== context || request.contextTarget === host) return;
      event.stopPropagation();
      if (!request.subscribe) return request.callback(this.value);
      const unsubscribe = () => this.#subscribers.delete(request.callback);
      this.#subscribers.add(request.callback);
      request.callback(this.value, unsubscribe);
    });
  }

  /** Sets the value and hands it to every subscriber. */
  setValue(value: T): void {
    if (value === this.value) return;
    this.value = value;
    for (const callback of [...this.#subscribers]) callback(value, () => this.#subscribers.delete(callback));
  }

  hostConnected(): void {
    this.host.dispatchEvent(new ContextProviderEvent(this.context, this.host));
  }
}

/** The element `id` names: in `host`'s own root (document or shadow root) first, then the document. */
export function findById(host: Element, id: string): Element | null {
  const root = host.getRootNode() as Partial<DocumentOrShadowRoot> & { getElementById?: (id: string) => Element | null };
  return root.getElementById?.(id) ?? document.getElementById(id);
}

/**
 * Subscribes `host` to a provider of `context` while it is in the DOM: the nearest one above it, or,
 * when `named()` gives an id, the provider that element is (asked directly, so that nothing above
 * it answers instead). `callback` gets each value, and `undefined` while no provider answers. A
 * provider that appears later (defined late, or inserted) is found when it announces itself.
 */
export class ContextConsumer<T> implements ReactiveController {
  #unsubscribe?: () => void;
  #abort?: AbortController;

  constructor(
    private readonly host: ReactiveControllerHost & Element,
    private readonly context: Context<T>,
    private readonly callback: (value: T | undefined) => void,
    private readonly named: () => string | null | undefined = () => undefined,
  ) {
    host.addController(this);
  }

  hostConnected(): void {
    this.#abort = new AbortController();
    document.addEventListener(
      'context-provider',
      (event) => {
        const { context, contextTarget } = event as ContextProviderEvent;
        if (context !== this.context || contextTarget === this.host) return;
        const id = this.named();
        if (id ? contextTarget.id === id : isWithin(this.host, contextTarget)) this.refresh();
      },
      { signal: this.#abort.signal },
    );
    this.refresh();
  }

  hostDisconnected(): void {
    this.#abort?.abort();
    this.#unsubscribe?.();
    this.#unsubscribe = undefined;
  }

  /** Asks again: after the name changed, or a provider appeared. */
  refresh(): void {
    this.#unsubscribe?.();
    this.#unsubscribe = undefined;
    const id = this.named();
    const target = id ? findById(this.host, id) : this.host;
    let answered = false;
    const request = new ContextRequestEvent(
      this.context,
      this.host,
      (value, unsubscribe) => {
        answered = true;
        this.#unsubscribe = unsubscribe;
        this.callback(value);
      },
      true,
      !id,
    );
    target?.dispatchEvent(request);
    if (!answered) this.callback(undefined);
  }
}
