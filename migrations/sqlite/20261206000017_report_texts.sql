-- What staff write in a report: its introduction and a paragraph per focus area, per report
-- (a year, "2026", or a quarter, "2026-K3"), with who changed each last and when.

create table report_texts (
    report text not null,
    part text not null,                    -- 'intro', or 'area-{id}'
    body text not null,
    updated_by integer references users (id) on delete set null,
    updated_at text not null,
    primary key (report, part)
);
