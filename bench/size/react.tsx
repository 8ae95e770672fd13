// Build (2) of `npm run bench:size`: the same conference page with React 19 and LiveKit's React
// components, as LiveKit's own examples write it: `LiveKitRoom` around the `VideoConference`
// prefab, themed by @livekit/components-styles (the prefab is unstyled without it). The token
// comes from the same standard endpoint through livekit-client's `TokenSource.endpoint`, as
// `<lk-conference token-endpoint>` gets it. Adaptive stream and dynacast are turned on, as the
// other two pages do (`LiveKitRoom` leaves them off).
import { LiveKitRoom, VideoConference } from '@livekit/components-react';
import '@livekit/components-styles';
import { TokenSource, type TokenSourceResponseObject } from 'livekit-client';
import { useEffect, useState } from 'react';
import { createRoot } from 'react-dom/client';
import { publish, roomName } from './page-options.js';

const tokens = TokenSource.endpoint('/api/token');
const options = { adaptiveStream: true, dynacast: true };

function Conference() {
  const [credentials, setCredentials] = useState<TokenSourceResponseObject>();
  useEffect(() => {
    tokens.fetch({ roomName }).then(setCredentials, (err: unknown) => console.error(err));
  }, []);
  return (
    <LiveKitRoom
      serverUrl={credentials?.serverUrl}
      token={credentials?.participantToken}
      connect
      video={publish}
      audio={publish}
      options={options}
      data-lk-theme="default"
      style={{ height: '100%' }}
    >
      <VideoConference />
    </LiveKitRoom>
  );
}

createRoot(document.getElementById('root')!).render(<Conference />);
