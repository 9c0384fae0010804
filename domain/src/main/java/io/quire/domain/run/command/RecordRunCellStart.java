package io.quire.domain.run.command;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The run started executing a cell ({@code index}: its position in the executed notebook). */
public record RecordRunCellStart(@TargetAggregateIdentifier String runId, String cellId, int index) {
}
