/**
 * The data side of the teacher's tour (the draft, the file and link formats, the schema check),
 * loaded when the editor opens or a link brings a tour: most readers never need it, and with
 * fflate and the tour's schema it is a fifth of the first screen's code.
 */
export { tourContext } from './context.ts';
export { restoreTour, TourDraft } from './draft.svelte.ts';
export { KeptTours } from './kept.svelte.ts';
export { readTour } from './file.ts';
export { codeInHash, decodeTour } from './share.ts';
