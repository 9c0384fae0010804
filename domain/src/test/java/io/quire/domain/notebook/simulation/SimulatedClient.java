package io.quire.domain.notebook.simulation;

import io.quire.domain.notebook.CellType;
import io.quire.domain.notebook.command.ChangeCellType;
import io.quire.domain.notebook.command.DeleteCell;
import io.quire.domain.notebook.command.EditCellSource;
import io.quire.domain.notebook.command.InsertCell;
import io.quire.domain.notebook.command.MoveCell;
import io.quire.domain.notebook.simulation.Replica.CellView;
import io.quire.domain.notebook.text.TextComponent;
import io.quire.domain.notebook.text.TextOperation;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;

/**
 * A browser editing a notebook: it sees the server's events only when it catches up, and sends commands based on
 * that possibly stale view (old cell revisions, anchors deleted or moved meanwhile).
 */
final class SimulatedClient {

    enum TextEdits { MIXED, INSERT_ONLY }

    /** What a text edit means in the sender's view: which characters it removes and where its inserts go. */
    record EditIntent(EditCellSource command, String viewSource, List<Long> viewChars, List<Long> intended,
                      Set<Long> deleted, List<Long> inserted, String intendedSource) {
    }

    /**
     * A command, how to print it, for text edits what the sender meant, and for a deliberately faulty command the
     * words its refusal must contain (null for a well-formed one).
     */
    record Intent(Object command, String description, EditIntent edit, String refusal) {
        Intent(Object command, String description, EditIntent edit) {
            this(command, description, edit, null);
        }
    }

    private static final String[] FILLER = {"a", "b", " ", "\n", "é", "漢", "😀", "𝄞", "\uD83D\uDC4D\uD83C\uDFFD"};
    private static final CellType[] TYPES = CellType.values();

    private final int number;
    private final String user;
    private final Replica replica = new Replica();
    private int counter;

    SimulatedClient(int number) {
        this.number = number;
        this.user = "c" + number;
    }

    String user() {
        return user;
    }

    Replica replica() {
        return replica;
    }

    /** Applies the server's events from where this client stopped up to event number {@code upTo}. */
    void catchUp(List<Object> stream, int upTo) {
        while (replica.applied() < upTo) {
            replica.apply(stream.get(replica.applied()));
        }
    }

    Intent next(Random random, String notebookId, TextEdits textEdits) {
        List<CellView> view = replica.cells();
        int roll = view.isEmpty() ? 0 : random.nextInt(100);
        if (roll < 22 || (roll < 32 && view.size() < 3)) {
            String cellId = Marks.name(number, counter++);
            String after = view.isEmpty() || random.nextInt(5) == 0 ? null : pick(random, view).id();
            CellType type = TYPES[random.nextInt(TYPES.length)];
            String source = filler(random, random.nextInt(6));
            return new Intent(new InsertCell(notebookId, cellId, after, type, source, user),
                    "InsertCell " + cellId + " after " + after + " " + type.nbformatName() + " " + quote(source), null);
        }
        CellView cell = random.nextBoolean() ? view.get(Math.min(random.nextInt(view.size()), 2)) : pick(random, view);
        if (roll < 32) {
            return new Intent(new DeleteCell(notebookId, cell.id(), user), "DeleteCell " + cell.id(), null);
        }
        if (roll < 47) {
            List<String> others = view.stream().map(CellView::id).filter(id -> !id.equals(cell.id())).toList();
            String after = others.isEmpty() || random.nextInt(5) == 0 ? null
                    : others.get(random.nextInt(others.size()));
            return new Intent(new MoveCell(notebookId, cell.id(), after, user),
                    "MoveCell " + cell.id() + " after " + after, null);
        }
        if (roll < 94) {
            return edit(random, notebookId, cell, textEdits);
        }
        if (roll < 98) {
            CellType type = TYPES[random.nextInt(TYPES.length)];
            return new Intent(new ChangeCellType(notebookId, cell.id(), type, user),
                    "ChangeCellType " + cell.id() + " " + type.nbformatName(), null);
        }
        return faulty(random, notebookId, cell);
    }

    /** A command a buggy or malicious client might send: it must be refused and change nothing. */
    private Intent faulty(Random random, String notebookId, CellView cell) {
        switch (random.nextInt(3)) {
            case 0:
                return new Intent(new InsertCell(notebookId, cell.id(), null, CellType.CODE, "", user),
                        "InsertCell " + cell.id() + " (an id already used)", null, "already used");
            case 1:
                return new Intent(new MoveCell(notebookId, cell.id(), cell.id(), user),
                        "MoveCell " + cell.id() + " after itself", null, "after itself");
            default:
                TextOperation tooLong = TextOperation.builder().retain(cell.chars().size() + 1)
                        .insert(Marks.marker(number, counter++)).build();
                return new Intent(new EditCellSource(notebookId, cell.id(), cell.revision(), tooLong, user),
                        "EditCellSource " + cell.id() + " @r" + cell.revision() + " " + tooLong
                                + " (longer than the text)", null, "does not fit");
        }
    }

    private Intent edit(Random random, String notebookId, CellView cell, TextEdits textEdits) {
        int length = cell.chars().size();
        List<Integer> gaps = gapsOutsideMarkers(cell.source());
        int spots = 1 + random.nextInt(3);
        List<Integer> positions = new ArrayList<>();
        for (int i = 0; i < spots; i++) {
            positions.add(gaps.get(random.nextInt(gaps.size())));
        }
        positions.sort(null);
        TextOperation.Builder builder = TextOperation.builder();
        int cursor = 0;
        for (int position : positions) {
            if (position < cursor) {
                continue;
            }
            builder.retain(position - cursor);
            cursor = position;
            boolean delete = textEdits == TextEdits.MIXED && cursor < length && random.nextInt(3) > 0;
            if (!delete || random.nextBoolean()) {
                builder.insert(Marks.marker(number, counter++) + filler(random, random.nextInt(3)));
            }
            if (delete) {
                int n = 1 + random.nextInt(Math.min(5, length - cursor));
                builder.delete(n);
                cursor += n;
            }
        }
        builder.retain(length - cursor);
        TextOperation operation = builder.build();
        EditCellSource command = new EditCellSource(notebookId, cell.id(), cell.revision(), operation, user);
        List<Long> inserted = new ArrayList<>();
        for (TextComponent component : operation.components()) {
            if (component instanceof TextComponent.Insert insert) {
                inserted.addAll(Marks.insertedChars(insert.text()));
            }
        }
        EditIntent intent = new EditIntent(command, cell.source(), cell.chars(),
                Replica.follow(cell.chars(), operation.components()),
                Replica.removedBy(cell.chars(), operation.components()), List.copyOf(inserted),
                operation.apply(cell.source()));
        return new Intent(command, "EditCellSource " + cell.id() + " @r" + cell.revision() + " " + operation, intent);
    }

    /**
     * The positions of {@code source} not inside a marker: a marker stays one token unless an edit deletes part of
     * it (a person does not type into the middle of someone else's word either).
     */
    private static List<Integer> gapsOutsideMarkers(String source) {
        List<Integer> gaps = new ArrayList<>();
        boolean inside = false;
        int position = 0;
        gaps.add(0);
        for (int codePoint : source.codePoints().toArray()) {
            inside = codePoint == Marks.OPEN || (inside && codePoint != Marks.CLOSE);
            position++;
            if (!inside) {
                gaps.add(position);
            }
        }
        return gaps;
    }

    private static CellView pick(Random random, List<CellView> view) {
        return view.get(random.nextInt(view.size()));
    }

    private static String filler(Random random, int codePoints) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < codePoints; i++) {
            text.append(FILLER[random.nextInt(FILLER.length)]);
        }
        return text.toString();
    }

    private static String quote(String text) {
        return '"' + text.replace("\n", "\\n") + '"';
    }
}
