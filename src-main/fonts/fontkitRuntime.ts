// @pdf-lib/fontkit 1.1.1 compiles the state machine of its Indic and Universal shapers with
// regenerator and expects a global `regeneratorRuntime`; without one, laying out Devanagari (and
// other Indic scripts) throws "regeneratorRuntime is not defined" and the export fails. Loading
// the runtime defines that global. Import this module before any fontkit layout.
import 'regenerator-runtime/runtime.js';
