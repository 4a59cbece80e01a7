import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { storedLanguage } from './i18n';
import './i18n';
import './styles.css';

document.documentElement.lang = storedLanguage();
// Ask the browser never to evict the desk's data; the answer is shown in Settings when refused.
void navigator.storage?.persist?.();

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
