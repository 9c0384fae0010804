package io.quire.domain.notebook.text;

/** One step of a {@link TextOperation}; lengths count code points. */
public sealed interface TextComponent {

    int baseLength();

    int targetLength();

    Object toJson();

    record Retain(int count) implements TextComponent {
        public int baseLength() {
            return count;
        }

        public int targetLength() {
            return count;
        }

        public Object toJson() {
            return count;
        }
    }

    record Insert(String text) implements TextComponent {
        public int baseLength() {
            return 0;
        }

        public int targetLength() {
            return text.codePointCount(0, text.length());
        }

        public Object toJson() {
            return text;
        }
    }

    record Delete(int count) implements TextComponent {
        public int baseLength() {
            return count;
        }

        public int targetLength() {
            return 0;
        }

        public Object toJson() {
            return -count;
        }
    }
}
