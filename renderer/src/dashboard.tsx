// The dashboard window's entry: the current state with start and end focus.
import { StrictMode, useEffect, useState } from 'react';
import { createRoot } from 'react-dom/client';
import type { LullApi, StatusDto } from '../../preload/contract.ts';

declare global {
  interface Window {
    lull: LullApi;
  }
}

function Dashboard({ api }: { api: LullApi }) {
  const [status, setStatus] = useState<StatusDto | null>(null);
  useEffect(() => {
    void api.getStatus().then(setStatus);
    return api.onStateChanged(setStatus);
  }, [api]);
  if (!status) return <p>Loading…</p>;
  return (
    <main>
      <h1>{status.state === 'focus' ? 'Focusing' : 'Idle'}</h1>
      <p>{status.held} held</p>
      {status.state === 'focus' ? (
        <button onClick={() => void api.stopFocus()}>End focus</button>
      ) : (
        <button onClick={() => void api.startFocus({ minutes: 50 })}>Focus 50 min</button>
      )}
    </main>
  );
}

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <Dashboard api={window.lull} />
  </StrictMode>,
);
