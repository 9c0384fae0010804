package io.quire.domain.notebook.text;

/**
 * The operation that turns one text into another by keeping their common beginning and end and replacing the
 * middle. Clients that only send whole texts (a Jupyter contents PUT) get a minimal-enough edit that still
 * merges with concurrent character-level edits elsewhere in the cell.
 */
final class TextDiff {

    private TextDiff() {
    }

    static TextOperation between(String oldText, String newText) {
        int[] a = oldText.codePoints().toArray();
        int[] b = newText.codePoints().toArray();
        int prefix = 0;
        while (prefix < a.length && prefix < b.length && a[prefix] == b[prefix]) {
            prefix++;
        }
        int suffix = 0;
        while (suffix < a.length - prefix && suffix < b.length - prefix
                && a[a.length - 1 - suffix] == b[b.length - 1 - suffix]) {
            suffix++;
        }
        String inserted = new String(b, prefix, b.length - prefix - suffix);
        return TextOperation.builder()
                .retain(prefix)
                .insert(inserted)
                .delete(a.length - prefix - suffix)
                .retain(suffix)
                .build();
    }
}
