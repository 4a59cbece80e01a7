import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { backUpBeforeUpgrade } from './features/backup/actions';
import { storedLanguage } from './i18n';
import './i18n';
import './styles.css';

document.documentElement.lang = storedLanguage();
// Ask the browser never to evict the desk's data; the answer is shown in Settings when refused.
void navigator.storage?.persist?.();

// Nothing touches the database before this: an upgrade must not run before the old data is backed up.
void backUpBeforeUpgrade()
  .catch((error: unknown) => console.error('backup before upgrade failed', error))
  .finally(() =>
    createRoot(document.getElementById('root')!).render(
      <StrictMode>
        <App />
      </StrictMode>,
    ),
  );
