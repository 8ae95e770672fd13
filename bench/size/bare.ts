// Build (3) of `npm run bench:size`, the baseline: the least a hand-written page needs with
// livekit-client alone. Token from the same endpoint, connect, camera and microphone on, every
// track (remote, and the local camera as a preview) attached to a <video>/<audio> in the grid.
// No controls, no chat, no layout beyond a CSS grid, no error handling.
import { Room, RoomEvent, TokenSource, Track } from 'livekit-client';

const grid = document.getElementById('grid')!;
const room = new Room({ adaptiveStream: true, dynacast: true });

room
  .on(RoomEvent.TrackSubscribed, (track) => grid.append(track.attach()))
  .on(RoomEvent.TrackUnsubscribed, (track) => track.detach().forEach((element) => element.remove()))
  .on(RoomEvent.LocalTrackPublished, ({ track }) => {
    if (track?.kind === Track.Kind.Video) grid.append(track.attach());
  })
  .on(RoomEvent.LocalTrackUnpublished, ({ track }) => track?.detach().forEach((element) => element.remove()));

const { serverUrl, participantToken } = await TokenSource.endpoint('/api/token').fetch({ roomName: 'standup' });
await room.connect(serverUrl, participantToken);
await room.localParticipant.enableCameraAndMicrophone();
