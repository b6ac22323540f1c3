/**
 * File transfers for the console client: {@code /send}, {@code /accept}, {@code /reject}, {@code /cancel},
 * {@code /transfers}, over the frames of PROTOCOL.md section 10.
 *
 * <pre>
 *  user side (input thread)              network side (reader thread)           own threads
 *  ────────────────────────              ────────────────────────────           ───────────
 *  TransferRequest  typed line → request  Transfers.onEvent  file-* events
 *        │                                      │
 *        ▼                                      ▼
 *  Transfers  (id → Transfer)  ◀──────────────────────────────────── Reporter (progress, the end)
 *   ├─ OutgoingTransfer  a file we send ──────────────────────────── "offer ID": SHA-256, then file-offer
 *   │                                                                "send ID": chunks, 8 ahead of the acks
 *   ├─ IncomingTransfer  a file we receive: temporary file, hashed as written, renamed when it matches
 *   ├─ Sending           /send: checks the file, picks an id; the offer's echo, the acceptance
 *   ├─ Receiving         /accept, /reject; chunk → write → file-ack; file-done → check → save → file-done
 *   ├─ SafeFileName      the sender's name made a plain file name; a place that overwrites nothing
 *   ├─ ProgressLine      "report.pdf [k3f9q2] to bob: 42% of 5.0 MiB, 3.2 MiB/s, 0:01 left", and when
 *   ├─ Checksum, Sizes   SHA-256 in hex; 5.0 MiB, 3.2 MiB/s, 0:07
 *   └─ FileFolders       the home folder (for ~) and --download-dir
 *
 *  TransferLink    how frames go out: offers and answers paced like chat, chunks and acks at once
 *  TransferOutput  where lines go: the console (a status line for progress) or line mode
 * </pre>
 *
 * <p>The chat client plugs in at three places: {@code ui.CommandParser} turns the commands into a
 * {@link lanchat.client.files.TransferRequest}, {@code session.ChatSession} implements the link and hands file events to
 * {@link lanchat.client.files.Transfers}, and {@code Console} and {@code LineMode} are the output.
 */
package lanchat.client.files;
