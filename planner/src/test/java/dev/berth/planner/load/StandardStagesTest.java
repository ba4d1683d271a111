package dev.berth.planner.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;

import dev.berth.planner.load.yaml.YamlReader;
import dev.berth.planner.tree.MapNode;

class StandardStagesTest {

    @Test
    void stages_turnAShortStackIntoComposesCanonicalModel() {
        // compose-spec 05-services.md (ports, volumes, depends_on, environment, build), 06-networks.md
        // (implicit default network), 07-volumes.md and 09-secrets.md (<project>_<key> names, secret target)
        String yaml = """
                services:
                  web:
                    build: ./web
                    ports: ["8080:80"]
                    environment: [MODE=prod]
                    depends_on: [db]
                    secrets: [pw]
                  db:
                    image: postgres:16
                    volumes: ["data:/var/lib/postgresql/data"]
                    healthcheck: {test: pg_isready, interval: 5s}
                volumes:
                  data:
                secrets:
                  pw: {file: ./pw.txt}
                """;
        StandardStages stages = new StandardStages();
        MapNode doc = new YamlReader().readAll("compose.yaml", yaml).getFirst();
        stages.validate(doc);
        MapNode model = stages.normalize(stages.canonicalize(doc, Path.of("/srv/shop"), Path.of("/root")), "shop",
                Path.of("/srv/shop"));
        stages.check(model);
        assertThat(CanonicalJson.pretty(model)).isEqualTo("""
                {
                  "name": "shop",
                  "networks": {
                    "default": {
                      "name": "shop_default"
                    }
                  },
                  "secrets": {
                    "pw": {
                      "file": "/srv/shop/pw.txt",
                      "name": "shop_pw"
                    }
                  },
                  "services": {
                    "db": {
                      "healthcheck": {
                        "interval": "5s",
                        "test": [
                          "CMD-SHELL",
                          "pg_isready"
                        ]
                      },
                      "image": "postgres:16",
                      "networks": {
                        "default": null
                      },
                      "volumes": [
                        {
                          "source": "data",
                          "target": "/var/lib/postgresql/data",
                          "type": "volume",
                          "volume": {}
                        }
                      ]
                    },
                    "web": {
                      "build": {
                        "context": "/srv/shop/web",
                        "dockerfile": "Dockerfile"
                      },
                      "depends_on": {
                        "db": {
                          "condition": "service_started",
                          "required": true
                        }
                      },
                      "environment": {
                        "MODE": "prod"
                      },
                      "networks": {
                        "default": null
                      },
                      "ports": [
                        {
                          "mode": "ingress",
                          "protocol": "tcp",
                          "published": "8080",
                          "target": 80
                        }
                      ],
                      "secrets": [
                        {
                          "source": "pw",
                          "target": "/run/secrets/pw"
                        }
                      ]
                    }
                  },
                  "volumes": {
                    "data": {
                      "name": "shop_data"
                    }
                  }
                }
                """);
    }

    @Test
    void stages_defaultBuildContext_isTheProjectFolderGivenToEachLoad() {
        StandardStages stages = new StandardStages();
        for (String dir : new String[] {"/one", "/two"}) {
            MapNode doc = new YamlReader().readAll("compose.yaml", "services: {a: {build: {args: [X=1]}}}\n").getFirst();
            MapNode model = stages.normalize(stages.canonicalize(doc, Path.of("/elsewhere"), Path.of("/root")), "p",
                    Path.of(dir));
            stages.check(model);
            MapNode build = (MapNode) ((MapNode) ((MapNode) model.get("services")).get("a")).get("build");
            assertThat(CanonicalJson.compact(build.get("context"))).isEqualTo("\"" + dir + "\"");
        }
    }
}
