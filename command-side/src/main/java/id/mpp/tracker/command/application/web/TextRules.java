package id.mpp.tracker.command.application.web;

/** Limits for free text taken from clients. */
final class TextRules {

    static final String NAME = "[\\p{L}\\p{M} .,'-]+";
    static final String NAME_MESSAGE = "may hold only letters, spaces and . , ' -";
    static final int REASON_MAX = 1000;
    static final int DOCUMENT_MAX = 200;
    static final int DOCUMENTS_MAX = 30;

    private TextRules() {
    }
}
