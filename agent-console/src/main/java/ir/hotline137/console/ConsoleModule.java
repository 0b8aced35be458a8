package ir.hotline137.console;

import ir.hotline137.console.api.ApiErrors;
import ir.hotline137.console.board.LiveBoardConfiguration;
import ir.hotline137.console.callbacks.CallbacksApi;
import ir.hotline137.console.calls.AgentsApi;
import ir.hotline137.console.calls.CallsApi;
import ir.hotline137.console.figures.FiguresApi;
import ir.hotline137.console.figures.WallboardApi;
import ir.hotline137.console.mayor.MayorConfiguration;
import ir.hotline137.console.meetings.MeetingsApi;
import ir.hotline137.console.open311.Open311Configuration;
import ir.hotline137.console.people.PeopleApi;
import ir.hotline137.console.recordings.RecordingsApi;
import ir.hotline137.console.requests.DirectoryApi;
import ir.hotline137.console.requests.RequestsApi;
import ir.hotline137.console.security.ConsoleSecurity;
import ir.hotline137.console.security.LoginPage;
import ir.hotline137.console.security.MeApi;
import ir.hotline137.console.shift.ShiftConfiguration;
import ir.hotline137.console.sockets.OpenSockets;
import ir.hotline137.console.units.UnitsConfiguration;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

/**
 * The whole console, as one import: its security rules, login page, JSON API, live board and the mayor's screens.
 * What it needs from the application around it: the {@code ConsoleUsers}, a {@code Clock} in the city's zone, the
 * requests core ({@code RequestDesk}, {@code RequestStore}, {@code FiguresReport}), the {@code CallLog}, the
 * {@code Switchboard}, the kept sessions and shifts ({@code SessionStore}, {@code Shifts}), the follow-up
 * office's settings, standard results and figures ({@code UnitSettings}, {@code StandardResults},
 * {@code FollowUpFigures}), the callbacks ({@code CallbackDesk}), the public meetings ({@code MeetingDesk}), Open311's
 * clients, district boundaries and settings ({@code ApiClients}, {@code DistrictBoundaries},
 * {@code Open311Settings}), and
 * the mayor module's line, session log, reports, directives and settings.
 */
@Configuration(proxyBeanMethods = false)
@Import({ConsoleSecurity.class, LoginPage.class, MeApi.class, ApiErrors.class, RequestsApi.class, DirectoryApi.class,
        CallsApi.class, AgentsApi.class, CallbacksApi.class, MeetingsApi.class, FiguresApi.class, WallboardApi.class,
        PeopleApi.class, Open311Configuration.class,
        RecordingsApi.class, OpenSockets.class,
        ShiftConfiguration.class, UnitsConfiguration.class,
        LiveBoardConfiguration.class, MayorConfiguration.class})
public class ConsoleModule {
}
