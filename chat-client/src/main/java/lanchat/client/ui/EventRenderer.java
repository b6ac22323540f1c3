package lanchat.client.ui;

import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import lanchat.protocol.Command;
import lanchat.protocol.Event;
import lanchat.protocol.FieldRules;
import org.jline.utils.AttributedString;
import org.jline.utils.AttributedStringBuilder;
import org.jline.utils.AttributedStyle;

/**
 * Turns a server event into the lines the user sees, each starting with an {@code HH:mm} timestamp:
 *
 * <pre>
 * 14:02 #lobby &lt;alice&gt; hi all              a message
 * 13:58 #lobby (history) &lt;bob&gt; earlier     a message replayed from the room's history (dimmed in colour)
 * 14:02 #lobby * alice waves                 an action (/me)
 * 14:03 [whisper from bob] psst              a whisper, or "[whisper to bob]" for your own
 * 14:03 --&gt; carol joined #lobby             joins, leaves and renames: --&gt;, &lt;--, ---
 * 14:04 !!! nick 'bob' is taken — choose another with /nick
 * </pre>
 *
 * With colour on, each nick has its {@link NickColours colour} and joins, leaves, whispers and errors their own
 * style; with colour off the lines carry no escape sequence at all ({@link AttributedString#toString()} is the
 * plain text either way). Every string that came from the network goes through {@link Neutraliser} first.
 *
 * <p>Called from the connection's reader thread and the input thread; it keeps no state of its own, and
 * {@code me} must be safe to call from any thread.
 */
public final class EventRenderer {
    private static final DateTimeFormatter HH_MM = DateTimeFormatter.ofPattern("HH:mm");
    private static final AttributedStyle TIME =
            AttributedStyle.DEFAULT.foreground(AttributedStyle.BRIGHT | AttributedStyle.BLACK);
    private static final AttributedStyle ROOM = AttributedStyle.BOLD;
    private static final AttributedStyle JOIN = AttributedStyle.DEFAULT.foreground(AttributedStyle.GREEN);
    private static final AttributedStyle LEAVE = AttributedStyle.DEFAULT.foreground(AttributedStyle.YELLOW);
    private static final AttributedStyle INFO = AttributedStyle.DEFAULT.foreground(AttributedStyle.CYAN);
    private static final AttributedStyle WHISPER = AttributedStyle.BOLD.foreground(AttributedStyle.MAGENTA);
    private static final AttributedStyle ERROR = AttributedStyle.BOLD.foreground(AttributedStyle.RED);
    private static final AttributedStyle HISTORY = AttributedStyle.DEFAULT.faint();

    private final boolean colour;
    private final Clock clock;
    private final Supplier<String> me;

    /**
     * @param colour false for plain text without escape sequences
     * @param clock  the time zone of the timestamps, and "now" for events that carry no time
     * @param me     this client's current nick, to tell own whispers, joins and renames from others'
     */
    public EventRenderer(boolean colour, Clock clock, Supplier<String> me) {
        this.colour = colour;
        this.clock = clock;
        this.me = me;
    }

    /** The lines to show for an event: none for pings, pongs and byes. {@code answers} may be null. */
    List<AttributedString> render(Event event, Command answers) {
        return switch (event) {
            case Event.Welcome welcome -> welcome(welcome);
            case Event.Message message -> List.of(message(message));
            case Event.Whisper whisper -> List.of(whisper(whisper));
            case Event.Joined joined -> List.of(now().mark(JOIN, "-->").subject(joined.nick()).text(" joined ")
                    .room(joined.room()).done());
            case Event.Left left -> List.of(left(left));
            case Event.Renamed renamed -> List.of(renamed(renamed));
            case Event.Users users -> List.of(now().mark(INFO, "---").text("in ").room(users.room()).text(": ")
                    .nicks(users.nicks()).text(" (" + shownOf(users.nicks().size(), users.total()) + ")")
                    .done());
            case Event.Rooms rooms -> List.of(rooms(rooms));
            case Event.Error error -> List.of(error(ErrorSentences.describe(error, answers)));
            case Event.Gap gap -> List.of(now().mark(INFO, "---").room(gap.room()).text(": messages "
                    + gap.fromSeq() + "-" + gap.toSeq() + " are no longer kept and were missed").done());
            case Event.Ping ping -> List.of();
            case Event.Pong pong -> List.of();
            case Event.Bye bye -> List.of();
            // File transfers speak for themselves (lanchat.client.files.Transfers), through Output.transfer.
            case Event.FileEvent file -> List.of();
        };
    }

    /** A line of local information: help, a usage hint, "now talking in #dev". Not from the network. */
    AttributedString notice(String text) {
        return now().mark(INFO, "---").text(text).done();
    }

    /** A progress line of a file transfer, for the status bar: no timestamp, so it can be redrawn in place. */
    AttributedString progress(String text) {
        return new Line().styled(INFO, text).done();
    }

    /** An error line, e.g. the reason the connection ended. */
    AttributedString error(String sentence) {
        return now().mark(ERROR, "!!!").styled(ERROR, sentence).done();
    }

    /** The input prompt: "alice #lobby> ", or "alice (no room)> ". */
    AttributedString prompt(String nick, String room) {
        return prompt(nick, room, null);
    }

    /** The prompt with a lasting status, e.g. "alice #lobby [reconnecting…]> "; {@code status} may be null. */
    AttributedString prompt(String nick, String room, String status) {
        Line line = new Line().nick(nick);
        line.builder.append(' ');
        if (room == null) {
            line.text("(no room)");
        } else {
            line.room(room);
        }
        if (status != null) {
            line.text(" ").styled(ERROR, "[" + status + "]");
        }
        return line.text("> ").done();
    }

    private List<AttributedString> welcome(Event.Welcome welcome) {
        List<AttributedString> lines = new ArrayList<>();
        lines.add(now().mark(INFO, "---").text("connected to " + welcome.server() + " as ").nick(welcome.nick())
                .done());
        if (welcome.motd() != null && !welcome.motd().isBlank()) {
            welcome.motd().lines().forEach(motdLine -> lines.add(now().mark(INFO, "---").text(motdLine).done()));
        }
        return lines;
    }

    private AttributedString message(Event.Message message) {
        Line line = at(Instant.parse(message.ts())).room(message.room()).text(" ");
        AttributedStyle textStyle = message.history() ? HISTORY : AttributedStyle.DEFAULT;
        if (message.history()) {
            line.styled(HISTORY, "(history)").text(" ");
        }
        if (message.action()) {
            return line.text("* ").nick(message.from()).text(" ").styled(textStyle, message.text()).done();
        }
        return line.text("<").nick(message.from()).text("> ").styled(textStyle, message.text()).done();
    }

    private AttributedString whisper(Event.Whisper whisper) {
        String label;
        if (isMe(whisper.from())) {
            label = "[whisper to " + whisper.to() + "]";
        } else if (isMe(whisper.to())) {
            label = "[whisper from " + whisper.from() + "]";
        } else {
            label = "[whisper " + whisper.from() + " to " + whisper.to() + "]";
        }
        return at(Instant.parse(whisper.ts())).styled(WHISPER, label).text(" ").text(whisper.text()).done();
    }

    private AttributedString left(Event.Left left) {
        Line line = now().mark(LEAVE, "<--").subject(left.nick()).text(" left ").room(left.room());
        // A plain leave's reason is "left", which the line already says.
        if (left.reason() != null && !left.reason().isBlank() && !left.reason().equalsIgnoreCase("left")) {
            line.text(" (" + left.reason() + ")");
        }
        return line.done();
    }

    private AttributedString rooms(Event.Rooms rooms) {
        if (rooms.rooms().isEmpty()) {
            return now().mark(INFO, "---").text("there are no rooms yet — /join one to create it").done();
        }
        String list = rooms.rooms().stream()
                .map(room -> "#" + room.name() + " (" + room.users() + ")")
                .collect(Collectors.joining(", "));
        return now().mark(INFO, "---").text("rooms: " + list + (rooms.total() == null ? ""
                : " (" + shownOf(rooms.rooms().size(), rooms.total()) + ")")).done();
    }

    /** "2", or "200 of 5000 shown" for a list the server cut to fit one frame. */
    private static String shownOf(int shown, Integer total) {
        return total == null ? String.valueOf(shown) : shown + " of " + total + " shown";
    }

    /** Sent after the state has the new nick, so "me" may be either side of the rename. */
    private AttributedString renamed(Event.Renamed renamed) {
        Line line = now().mark(INFO, "---");
        if (isMe(renamed.from()) || isMe(renamed.to())) {
            line.text("you are");
        } else {
            line.nick(renamed.from()).text(" is");
        }
        return line.text(" now known as ").nick(renamed.to()).done();
    }

    private boolean isMe(String nick) {
        String mine = me.get();
        return mine != null && FieldRules.fold(mine).equals(FieldRules.fold(nick));
    }

    private Line now() {
        return at(clock.instant());
    }

    private Line at(Instant instant) {
        Line line = new Line();
        line.styled(TIME, HH_MM.format(instant.atZone(clock.getZone())));
        line.builder.append(' ');
        return line;
    }

    /** One line being built; every text appended to it is neutralised. */
    private final class Line {
        private final AttributedStringBuilder builder = new AttributedStringBuilder();

        Line text(String untrusted) {
            builder.append(Neutraliser.neutralise(untrusted));
            return this;
        }

        Line styled(AttributedStyle style, String untrusted) {
            if (colour) {
                builder.styled(style, Neutraliser.neutralise(untrusted));
            } else {
                text(untrusted);
            }
            return this;
        }

        Line nick(String nick) {
            return styled(AttributedStyle.DEFAULT.foreground(NickColours.colourOf(nick)), nick);
        }

        /** "-->", "<--", "---" or "!!!" and a space: what kind of line this is. */
        Line mark(AttributedStyle style, String marker) {
            return styled(style, marker).text(" ");
        }

        /** "you" or the coloured nick: who joined or left. */
        Line subject(String nick) {
            return isMe(nick) ? text("you") : nick(nick);
        }

        Line room(String room) {
            return styled(ROOM, "#" + room);
        }

        Line nicks(List<String> nicks) {
            for (int i = 0; i < nicks.size(); i++) {
                text(i == 0 ? "" : ", ").nick(nicks.get(i));
            }
            return this;
        }

        AttributedString done() {
            return builder.toAttributedString();
        }
    }
}
