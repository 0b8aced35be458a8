/**
 * Grammar mode: short spoken answers (yes/no, digits) heard against a small per-language word list, giving
 * the word's meaning or nothing, never "[unk]".
 */
package ir.hotline137.recognizer.grammar;
