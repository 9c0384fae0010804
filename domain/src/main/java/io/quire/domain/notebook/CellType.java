package io.quire.domain.notebook;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** The nbformat cell types. */
public enum CellType {
    CODE("code"), MARKDOWN("markdown"), RAW("raw");

    private final String nbformatName;

    CellType(String nbformatName) {
        this.nbformatName = nbformatName;
    }

    /** The name nbformat uses in {@code cell_type}. */
    @JsonValue
    public String nbformatName() {
        return nbformatName;
    }

    /** @throws IllegalArgumentException naming the accepted values when {@code name} is not one of them */
    @JsonCreator
    public static CellType fromNbformatName(String name) {
        for (CellType type : values()) {
            if (type.nbformatName.equals(name)) {
                return type;
            }
        }
        throw new IllegalArgumentException("unknown cell type '" + name + "': expected code, markdown or raw");
    }
}
