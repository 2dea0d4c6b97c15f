package com.example.orders;

import java.util.List;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

// A stream mapped with a lambda holds what the lambda returns: ids parsed to numbers are no injection, the input's
// own text (trimmed) still is.
@RestController
public class ArchiveController {
    private final JdbcTemplate jdbc;

    public ArchiveController(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @PostMapping("/orders/archive")
    public int archive(@RequestParam List<String> ids) {
        String list = ids.stream().map(s -> Integer.parseInt(s.trim())).map(String::valueOf).collect(Collectors.joining(","));
        // ok: java.sqli.jdbc
        return jdbc.update("UPDATE orders SET archived = 1 WHERE id IN (" + list + ")");
    }

    @PostMapping("/orders/tag")
    public int tag(@RequestParam List<String> names) {
        String list = names.stream().map(s -> "'" + s.trim() + "'").collect(Collectors.joining(","));
        // ruleid: java.sqli.jdbc
        return jdbc.update("UPDATE orders SET tagged = 1 WHERE tag IN (" + list + ")");
    }
}
