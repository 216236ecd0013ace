import java.nio.file.Path;
import java.time.Duration;
import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.configuration.connectors.BoltConnector;
import org.neo4j.configuration.helpers.SocketAddress;
import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.dbms.api.DatabaseManagementServiceBuilder;
import org.neo4j.io.ByteUnit;

/**
 * Runs Neo4j Community as a server speaking Bolt on loopback, for development, tests and
 * benchmarks. Drivers cannot tell it from a packaged server.
 *
 * Usage: java -cp <classpath> Launcher.java <data directory> <bolt port>
 * Authentication is off because the server listens on 127.0.0.1 only; use NEO4J_URI for any
 * shared or remote database. Stops cleanly on SIGTERM or SIGINT.
 */
public class Launcher {
    public static void main(String[] args) {
        if (args.length != 2) {
            System.err.println("usage: Launcher <data directory> <bolt port>");
            System.exit(2);
        }
        Path home = Path.of(args[0]).toAbsolutePath();
        int port = Integer.parseInt(args[1]);
        String pageCache = System.getenv().getOrDefault("NEO4J_PAGECACHE", "512m");

        DatabaseManagementService service = new DatabaseManagementServiceBuilder(home)
                .setConfig(BoltConnector.enabled, true)
                .setConfig(BoltConnector.listen_address, new SocketAddress("127.0.0.1", port))
                .setConfig(BoltConnector.advertised_address, new SocketAddress("127.0.0.1", port))
                .setConfig(GraphDatabaseSettings.auth_enabled, false)
                .setConfig(GraphDatabaseSettings.pagecache_memory, ByteUnit.parse(pageCache))
                // A runaway query must not hold the database for ever.
                .setConfig(GraphDatabaseSettings.transaction_timeout, Duration.ofSeconds(60))
                .build();

        Runtime.getRuntime().addShutdownHook(new Thread(service::shutdown, "neo4j-shutdown"));
        System.out.println("Neo4j ready: bolt://127.0.0.1:" + port + " data " + home);
    }
}
