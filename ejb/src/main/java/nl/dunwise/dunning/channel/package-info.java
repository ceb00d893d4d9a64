/**
 * The ways out of Dunwise other than email: the SMS gateway's HTTP API (MessageBird's SMS API, reached with
 * the MicroProfile REST Client at a configured base URL), phone numbers in E.164 form, and the PDF of a
 * printed letter laid out for a window envelope. Nothing here knows reminders or the database: the
 * dispatcher and the print batch in {@code nl.dunwise.dunning} decide what to send and record what was sent.
 */
package nl.dunwise.dunning.channel;
