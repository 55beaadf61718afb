// Patient page entry (served by the care server): the join page at /join/<token>, or the "See a clinician now"
// page at /now/<token> (which becomes the join page's visit once the clinician opens it).
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import '../ui/styles.css';
import '../features/video/video.css';
import './join.css';
import { JoinPage } from './JoinPage';
import { QueueEntryPage } from './QueueEntryPage';

const container = document.getElementById('root');
if (!container) throw new Error('The page has no #root element.');

createRoot(container).render(
  <StrictMode>
    {location.pathname.startsWith('/now/') ? <QueueEntryPage /> : <JoinPage />}
  </StrictMode>,
);
