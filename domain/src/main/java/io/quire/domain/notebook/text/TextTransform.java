package io.quire.domain.notebook.text;

import io.quire.domain.notebook.text.TextComponent.Delete;
import io.quire.domain.notebook.text.TextComponent.Insert;
import io.quire.domain.notebook.text.TextComponent.Retain;

import java.util.Iterator;

/** The transformation of two concurrent text operations (the classic inclusion transformation of OT). */
final class TextTransform {

    private TextTransform() {
    }

    static TextOperation.Transformed transform(TextOperation a, TextOperation b) {
        if (a.baseLength() != b.baseLength()) {
            throw new TextMismatchException("concurrent edits cover different texts: " + a.baseLength()
                    + " and " + b.baseLength() + " characters");
        }
        TextOperation.Builder aPrime = TextOperation.builder();
        TextOperation.Builder bPrime = TextOperation.builder();
        Iterator<TextComponent> as = a.components().iterator();
        Iterator<TextComponent> bs = b.components().iterator();
        TextComponent x = next(as);
        TextComponent y = next(bs);
        while (x != null || y != null) {
            if (x instanceof Insert insert) {
                // a's insert wins ties: it was accepted first.
                aPrime.insert(insert.text());
                bPrime.retain(insert.targetLength());
                x = next(as);
                continue;
            }
            if (y instanceof Insert insert) {
                aPrime.retain(insert.targetLength());
                bPrime.insert(insert.text());
                y = next(bs);
                continue;
            }
            // Equal base lengths mean neither side runs out while the other still covers text.
            int n = Math.min(x.baseLength(), y.baseLength());
            if (x instanceof Retain && y instanceof Retain) {
                aPrime.retain(n);
                bPrime.retain(n);
            } else if (x instanceof Delete && y instanceof Retain) {
                aPrime.delete(n);
            } else if (x instanceof Retain && y instanceof Delete) {
                bPrime.delete(n);
            }
            // Delete against delete: both removed the same text; nothing is left to do.
            x = x.baseLength() == n ? next(as) : shorten(x, n);
            y = y.baseLength() == n ? next(bs) : shorten(y, n);
        }
        return new TextOperation.Transformed(aPrime.build(), bPrime.build());
    }

    private static TextComponent next(Iterator<TextComponent> components) {
        return components.hasNext() ? components.next() : null;
    }

    private static TextComponent shorten(TextComponent component, int by) {
        return component instanceof Retain retain ? new Retain(retain.count() - by)
                : new Delete(((Delete) component).count() - by);
    }
}
