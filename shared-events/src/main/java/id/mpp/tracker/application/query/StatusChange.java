package id.mpp.tracker.application.query;

import id.mpp.tracker.application.ApplicationStatus;

import java.time.Instant;

/** One step of an application's life: the event that happened, when, and the status it led to. */
public record StatusChange(String event, ApplicationStatus status, Instant at) {
}
