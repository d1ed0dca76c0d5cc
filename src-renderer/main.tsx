import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './features/app/App';
import './styles/tokens.css';
import './styles/base.css';
import './styles/layout.css';
import './styles/views.css';
import './styles/flows.css';
import './styles/access.css';
import './styles/reflow.css';
import './styles/conflicts.css';

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
