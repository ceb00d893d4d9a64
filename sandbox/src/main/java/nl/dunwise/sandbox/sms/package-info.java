/**
 * A simulated SMS gateway with MessageBird's SMS API (https://rest.messagebird.com/messages) below
 * {@code /exact-sandbox/api/sms}: {@code POST messages} with {@code Authorization: AccessKey <key>} validates
 * and stores a message in {@code exs_sms_message} and answers 201 as MessageBird does; {@code GET messages/{id}}
 * and {@code GET messages?recipient=&reference=} read them back for tests. {@code POST faults} (this machine
 * only) makes the next calls answer 500 or 429. Nothing is delivered anywhere.
 */
package nl.dunwise.sandbox.sms;
