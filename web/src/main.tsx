import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { AppProvider } from './app/provider';
import { AppRouter } from './app/router';
import { restoreSession } from './features/auth/api/session';
import { applyTheme, initialTheme } from './lib/theme';
import './styles.css';

applyTheme(initialTheme(), false);
void restoreSession();

createRoot(document.getElementById('root') as HTMLElement).render(
  <StrictMode>
    <AppProvider>
      <AppRouter />
    </AppProvider>
  </StrictMode>,
);
