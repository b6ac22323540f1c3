package lanchat.server;

import lanchat.server.chat.CommandHandler;
import lanchat.server.chat.MembershipRegistry;
import lanchat.server.chat.Memberships;
import lanchat.server.chat.Rooms;
import lanchat.server.files.FileRelay;
import lanchat.server.files.Transfers;
import lanchat.server.history.HistoryBudget;
import lanchat.server.runtime.LastResort;
import lanchat.server.runtime.Scheduler;
import lanchat.server.session.Commands;
import lanchat.server.session.Handshake;
import lanchat.server.session.HostLedger;
import lanchat.server.session.NickRegistry;
import lanchat.server.session.Nicknames;
import lanchat.server.session.PasswordGuard;
import lanchat.server.session.Session;
import lanchat.server.session.SessionServices;
import lanchat.server.session.SessionSettings;
import lanchat.server.session.Sessions;
import lanchat.server.session.Tokens;
import lanchat.server.transport.Coalescer;

/**
 * Every part of one server, made once from its {@link ServerConfig} and connected by constructors: the only place
 * that knows all of them. The registries a cluster would share ({@link NickRegistry}, the session tokens,
 * {@link MembershipRegistry}, the rooms' logs) are chosen here; today all of them are in memory. Made by
 * {@link ChatServer}, which {@link #close}s it last.
 */
final class Wiring implements AutoCloseable {
    private final ServerConfig config;
    private final Scheduler scheduler;
    private final Coalescer coalescer;
    private final NickRegistry nicks = new Nicknames();
    private final Tokens tokens = new Tokens();
    private final Sessions sessions;
    private final Rooms rooms;
    private final MembershipRegistry memberships = new Memberships();
    private final Transfers transfers;
    private final PasswordGuard passwords;
    private final SessionServices services;
    private final Doorman doorman;

    Wiring(ServerConfig config, LastResort lastResort) {
        this.config = config;
        this.scheduler = new Scheduler(lastResort);
        this.coalescer = new Coalescer(config.coalesce(), lastResort);
        this.sessions = new Sessions(config.maxClients());
        this.rooms = new Rooms(config.history().messages(), new HistoryBudget(config.history().historyBytes()));
        this.transfers = new Transfers(config.maxFileBytes(), config.sendQueueBytes());
        this.passwords = new PasswordGuard(config.hosts());
        this.services = new SessionServices(settings(config), scheduler, nicks, tokens, sessions, lastResort);
        this.doorman = new Doorman(new HostLedger(config.hosts()), passwords, services, this::chatSide,
                config.maxClients());
    }

    /** The chat side of a new session: its command handler, handshake and file relay. */
    private Commands chatSide(Session session) {
        return new CommandHandler(session, new Handshake(session, services.settings(), passwords, nicks, tokens),
                rooms, memberships, nicks, new FileRelay(session, transfers, nicks), transfers);
    }

    private static SessionSettings settings(ServerConfig config) {
        HistoryConfig history = config.history();
        return new SessionSettings(config.name(), config.motd(), config.password(), config.handshakeTimeout(),
                config.idleTimeout(), config.drainTimeout(), config.rateLimit(), config.rateBurst(),
                config.maxErrors(), config.sendQueueBytes(), history.resumeGrace(), history.messages(),
                history.heldWhisperBytes(), config.threads());
    }

    Scheduler scheduler() {
        return scheduler;
    }

    Coalescer coalescer() {
        return coalescer;
    }

    NickRegistry nicks() {
        return nicks;
    }

    Sessions sessions() {
        return sessions;
    }

    Rooms rooms() {
        return rooms;
    }

    Doorman doorman() {
        return doorman;
    }

    /** Stops the timer and the coalescer: after every session has closed. */
    @Override
    public void close() {
        scheduler.close();
        coalescer.close();
    }
}
