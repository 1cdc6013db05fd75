// The thread's entry: Node runs plain JavaScript here, so it loads the TypeScript worker through
// tsx, as `npm start` does for the server.
import { tsImport } from 'tsx/esm/api';

await tsImport('./network.worker.ts', import.meta.url);
