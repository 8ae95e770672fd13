// livekit-client's `getLogger` for the one-file bundle's effects file (vite.config.ts): the
// processors' loggers by name from loglevel, as livekit-client's own are, without a second copy of
// livekit-client.
import log from 'loglevel';

export const getLogger = (name) => log.getLogger(name);
