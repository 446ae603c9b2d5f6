package id.mpp.tracker.command.application;

import id.mpp.tracker.application.ApplicationId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Record what the law makes of a passed due date: a breach, or a deemed approval. Sent by the due-date watch, never
 * by a caller; checking again, or too early, records nothing.
 */
public record CheckDueDate(@TargetAggregateIdentifier ApplicationId applicationId) {
}
