// Build (3) of `npm run bench:size`, the baseline: the least a hand-written page needs with
// livekit-client alone. Token from the same endpoint, connect, camera and microphone on, every
// track (remote, and the local camera as a preview) attached to a <video>/<audio> in the grid,
// whose columns grow with the number of videos so that all of them fit the window.
// No controls, no chat, no error handling.
import { Room, RoomEvent, TokenSource, Track } from 'livekit-client';
import { publish, roomName } from './page-options.js';

const grid = document.getElementById('grid')!;
const room = new Room({ adaptiveStream: true, dynacast: true });

const add = (element: HTMLMediaElement) => {
  grid.append(element);
  layout();
};
const remove = (elements: HTMLMediaElement[]) => {
  elements.forEach((element) => element.remove());
  layout();
};
// A square-ish grid: ⌈√n⌉ columns for n videos (audio elements are not shown).
const layout = () => grid.style.setProperty('--columns', String(Math.ceil(Math.sqrt(grid.querySelectorAll('video').length)) || 1));

room
  .on(RoomEvent.TrackSubscribed, (track) => add(track.attach()))
  .on(RoomEvent.TrackUnsubscribed, (track) => remove(track.detach()))
  .on(RoomEvent.LocalTrackPublished, ({ track }) => {
    if (track?.kind === Track.Kind.Video) add(track.attach());
  })
  .on(RoomEvent.LocalTrackUnpublished, ({ track }) => track && remove(track.detach()));

const { serverUrl, participantToken } = await TokenSource.endpoint('/api/token').fetch({ roomName });
await room.connect(serverUrl, participantToken);
if (publish) await room.localParticipant.enableCameraAndMicrophone();
