/**
 * The first module the page runs, kept small so it runs at once: before the app's code (React,
 * MUI, react-admin: a megabyte) has arrived, it asks for the first screen's data and code, then
 * for the app itself, all at the same time.
 */
import { preloadScreenData } from './boot/preload';
import { loadScreenCode } from './boot/screens';
import { screenOf } from './routes/screen';

// The app's code first: it is the largest download and the first thing the screen waits for.
const screen = screenOf(window.location.hash);
void import('./boot/render');
loadScreenCode(screen);
preloadScreenData(screen);
