// What one remote participant's tile costs: DOM nodes, counted from the tile's element down through
// every shadow root (elements, text, comments and the shadow roots themselves), and listeners on its
// `Participant`. In <lk-conference> and, counted the same way, in LiveKit's React `VideoConference`
// (@livekit/components-react), for comparison.
import { expect } from '@open-wc/testing';
import { LiveKitRoom, VideoConference } from '@livekit/components-react';
import { createElement } from 'react';
import { createRoot } from 'react-dom/client';
import { Room, type Participant } from 'livekit-client';
import '../../src/index.js';
import type { LkParticipantTile } from '../../src/index.js';
import { fetchToken, uniqueRoom, waitFor } from '../helpers.js';

/**
 * Nodes of one remote participant's camera tile in <lk-conference> with its video playing and its
 * microphone on: the `<lk-participants>` item, the tile, its `<lk-track-view>` and everything in them.
 * React's tile in `VideoConference` (components-react 2.9.24), in the same state and counted the
 * same way, is 19 nodes (18 elements, one text node, its focus toggle included); ours is 27 (18
 * elements, one text node, six comments that are Lit's markers, two shadow roots): the pin button
 * is three of them (a `<button>`, its `<svg>` and `<path>`), and the choice between a video and an
 * audio tile one marker.
 */
const TILE_NODES = 27;
const REACT_TILE_NODES = 19;

/**
 * Listeners on a remote `Participant` shown in one tile: livekit-client's own (15) and the tile's
 * (its tracks, name, speaking and quality: 12) and its track view's (its tracks: 9).
 */
const PARTICIPANT_LISTENERS = 36;

interface NodeCount {
  nodes: number;
  elements: number;
  text: number;
  comments: number;
  shadowRoots: number;
}

/** `node` and every node below it, shadow roots and their contents included. */
function countNodes(node: Node, into: NodeCount = { nodes: 0, elements: 0, text: 0, comments: 0, shadowRoots: 0 }): NodeCount {
  into.nodes++;
  if (node.nodeType === Node.ELEMENT_NODE) into.elements++;
  else if (node.nodeType === Node.TEXT_NODE) into.text++;
  else if (node.nodeType === Node.COMMENT_NODE) into.comments++;
  else if (node instanceof ShadowRoot) into.shadowRoots++;
  if (node instanceof Element && node.shadowRoot) countNodes(node.shadowRoot, into);
  for (const child of node.childNodes) countNodes(child, into);
  return into;
}

/** Every listener on a participant, whatever the event. */
function listeners(participant: Participant): number {
  return participant.eventNames().reduce((sum, event) => sum + participant.listenerCount(event as never), 0);
}

let publisher: Room | undefined;

/** A plain livekit-client participant `pub` publishing a small camera and the microphone. */
async function publish(roomName: string): Promise<void> {
  const { server_url, participant_token } = await fetchToken(roomName, 'pub');
  publisher = new Room();
  await publisher.connect(server_url, participant_token);
  await publisher.localParticipant.setCameraEnabled(true, { resolution: { width: 320, height: 180, frameRate: 15 } });
  await publisher.localParticipant.setMicrophoneEnabled(true);
}

afterEach(async () => {
  await publisher?.disconnect();
  publisher = undefined;
});

describe('e2e: what a participant tile costs', () => {
  it(`a remote tile in <lk-conference>: at most ${TILE_NODES} DOM nodes and ${PARTICIPANT_LISTENERS} participant listeners`, async () => {
    const roomName = uniqueRoom('nodes');
    await publish(roomName);
    const conference = document.createElement('lk-conference');
    conference.style.cssText = 'display: block; width: 1000px; height: 600px';
    for (const [name, value] of Object.entries({ 'token-endpoint': '/api/token', 'room-name': roomName, 'participant-identity': 'viewer', connect: '' })) {
      conference.setAttribute(name, value);
    }
    document.body.append(conference);
    const grid = await waitFor(() => conference.shadowRoot?.querySelector('lk-participants'), 'the grid');
    const tileOf = (item: HTMLElement) => item.querySelector<LkParticipantTile>('lk-participant-tile');
    const item = await waitFor(
      () => grid.items.find((i) => i.dataset.identity === 'pub' && i.dataset.source === 'camera'),
      "the publisher's camera tile",
    );
    const tile = tileOf(item)!;
    await waitFor(() => tile.shadowRoot?.querySelector('lk-track-view')?.state === 'active' && !tile.audioMuted, 'video playing, microphone on');
    await tile.updateComplete;
    const count = countNodes(item);
    console.log(`<lk-conference> tile: ${JSON.stringify(count)}; participant listeners: ${listeners(tile.livekitParticipant!)}`);
    expect(count.nodes).to.be.at.most(TILE_NODES);
    expect(listeners(tile.livekitParticipant!)).to.be.at.most(PARTICIPANT_LISTENERS);
    await conference.leave();
    conference.remove();
  });

  it(`React's VideoConference, counted the same way: ${REACT_TILE_NODES} nodes`, async () => {
    const roomName = uniqueRoom('nodes');
    await publish(roomName);
    const { server_url, participant_token } = await fetchToken(roomName, 'viewer');
    const container = document.createElement('div');
    container.style.cssText = 'width: 1000px; height: 600px';
    document.body.append(container);
    const root = createRoot(container);
    const props = { serverUrl: server_url, token: participant_token, connect: true, video: false, audio: false, style: { height: '100%' } };
    root.render(createElement(LiveKitRoom, props, createElement(VideoConference)));
    const tile = await waitFor(
      () => [...container.querySelectorAll<HTMLElement>('.lk-participant-tile')].find((t) => (t.querySelector('video')?.videoWidth ?? 0) > 0),
      "the publisher's tile with video",
    );
    await waitFor(() => tile.dataset.lkAudioMuted === 'false', 'microphone on');
    const count = countNodes(tile);
    console.log(`React VideoConference tile: ${JSON.stringify(count)}`);
    expect(count.nodes).to.equal(REACT_TILE_NODES);
    root.unmount();
    container.remove();
  });
});
