/**
 * Dynamics language codes (LCIDs) and the language tags TMX uses (`xml:lang`, BCP 47), from the
 * one language table (src/languages): `tagOfLcid` gives an LCID missing from it the private-use
 * tag `x-lcid-<n>`, which `lcidOfTag` reads back as the same number; `languageName` is the
 * English name ("Russian"), or the number when unknown.
 */
export { languageName, languageTag as tagOfLcid, lcidOfLanguageTag as lcidOfTag } from '../../languages/lcid';
