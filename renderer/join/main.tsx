// Patient join page entry (/join/<token>, served by the care server): mounts the join page.
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import '../ui/styles.css';
import '../features/video/video.css';
import { JoinPage } from './JoinPage';

const container = document.getElementById('root');
if (!container) throw new Error('The page has no #root element.');

createRoot(container).render(
  <StrictMode>
    <JoinPage />
  </StrictMode>,
);
