package com.example.reports;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

// A column or direction checked against a fixed set before it is spliced into ORDER BY: the usual safe form of a
// dynamic identifier, which no placeholder can carry.
@RestController
public class ReportController {
    private static final Set<String> SORTABLE = Set.of("name", "email", "created_at");
    private final JdbcTemplate jdbc;

    public ReportController(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @GetMapping("/users/sorted")
    public List<Map<String, Object>> sorted(@RequestParam String sort) {
        String column = SORTABLE.contains(sort) ? sort : "name";
        // ok: java.sqli.jdbc
        return jdbc.queryForList("SELECT id, name, email FROM users ORDER BY " + column);
    }

    @GetMapping("/users/sorted-or-refused")
    public List<Map<String, Object>> sortedOrRefused(@RequestParam String sort, @RequestParam String dir) {
        if (!SORTABLE.contains(sort) || !Set.of("asc", "desc").contains(dir)) {
            throw new IllegalArgumentException("bad sort");
        }
        // ok: java.sqli.jdbc
        return jdbc.queryForList("SELECT id, name FROM users ORDER BY " + sort + " " + dir);
    }

    @GetMapping("/users/checked-other")
    public List<Map<String, Object>> checkedOther(@RequestParam String sort, @RequestParam String dir) {
        if (!SORTABLE.contains(sort)) {
            throw new IllegalArgumentException("bad sort");
        }
        // The direction was never checked.
        // ruleid: java.sqli.jdbc
        return jdbc.queryForList("SELECT id, name FROM users ORDER BY " + sort + " " + dir);
    }
}
