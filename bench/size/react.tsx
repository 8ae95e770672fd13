// Build (2) of `npm run bench:size`: the same conference page with React 19 and LiveKit's React
// components, as LiveKit's own examples write it: `LiveKitRoom` around the `VideoConference`
// prefab, themed by @livekit/components-styles (the prefab is unstyled without it). The token
// comes from the same standard endpoint through livekit-client's `TokenSource.endpoint`, as
// `<lk-conference token-endpoint>` gets it.
import { LiveKitRoom, VideoConference } from '@livekit/components-react';
import '@livekit/components-styles';
import { TokenSource, type TokenSourceResponseObject } from 'livekit-client';
import { useEffect, useState } from 'react';
import { createRoot } from 'react-dom/client';

const tokens = TokenSource.endpoint('/api/token');

function Conference() {
  const [credentials, setCredentials] = useState<TokenSourceResponseObject>();
  useEffect(() => {
    tokens.fetch({ roomName: 'standup' }).then(setCredentials, (err: unknown) => console.error(err));
  }, []);
  return (
    <LiveKitRoom
      serverUrl={credentials?.serverUrl}
      token={credentials?.participantToken}
      connect
      video
      audio
      data-lk-theme="default"
      style={{ height: '100%' }}
    >
      <VideoConference />
    </LiveKitRoom>
  );
}

createRoot(document.getElementById('root')!).render(<Conference />);
