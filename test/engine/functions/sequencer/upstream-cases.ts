/**
 * `TestRunFunction` of crossplane-contrib/function-sequencer fn_test.go at v0.6.0 (commit
 * 8ee29b46b7b9491fb307cf6caf339541a8d93422), transcribed case by case: the Go request and want
 * literals written as the JSON the protocol carries (input, observed and desired state; the
 * response's results and desired state). Meta/TTL is not part of an offline render and is left
 * out. Do not edit by hand: re-transcribe from the tag.
 */
/* eslint-disable */
export interface UpstreamCase {
  readonly name: string;
  readonly reason: string;
  readonly request: { input?: any; observed?: any; desired?: any; context?: any };
  readonly response: { results: { severity: string; message?: string }[]; desired?: any; context?: any };
}

export const TEST_RUN_FUNCTION: UpstreamCase[] = 
[
 {
  "name": "ObservedAreSkipped",
  "reason": "Even though that second is skipped because it's in the observed state, delay third resource because first is not ready",
  "request": {
   "input": {
    "rules": [
     {
      "sequence": [
       "first",
       "second",
       "third"
      ]
     }
    ]
   },
   "observed": {
    "resources": {
     "first": {
      "resource": {
       "apiVersion": "example.org/v1",
       "kind": "MR",
       "metadata": {
        "name": "cool-mr"
       }
      }
     },
     "second": {
      "resource": {
       "apiVersion": "example.org/v1",
       "kind": "MR",
       "metadata": {
        "name": "cool-mr"
       }
      }
     }
    },
    "composite": {
     "resource": {
      "apiVersion": "example.org/v1",
      "kind": "XR",
      "metadata": {
       "name": "cool-xr"
      },
      "spec": {
       "count": 2
      }
     }
    }
   },
   "desired": {
    "resources": {
     "first": {
      "resource": {
       "apiVersion": "example.org/v1",
       "kind": "MR",
       "metadata": {
        "name": "cool-mr"
       }
      }
     },
     "second": {
      "resource": {
       "apiVersion": "example.org/v1",
       "kind": "MR",
       "metadata": {
        "name": "cool-mr"
       }
      }
     },
     "third": {
      "resource": {
       "apiVersion": "example.org/v1",
       "kind": "MR",
       "metadata": {
        "name": "cool-mr"
       }
      }
     }
    },
    "composite": {
     "resource": {
      "apiVersion": "example.org/v1",
      "kind": "XR",
      "metadata": {
       "name": "cool-xr"
      },
      "spec": {
       "count": 2
      }
     }
    }
   }
  },
  "response": {
   "results": [
    {
     "severity": "SEVERITY_NORMAL",
     "message": "Delaying creation of resource(s) matching \"third\" because \"first\" is not fully ready (0 of 1)"
    }
   ],
   "desired": {
    "resources": {
     "first": {
      "resource": {
       "apiVersion": "example.org/v1",
       "kind": "MR",
       "metadata": {
        "name": "cool-mr"
       }
      }
     },
     "second": {
      "resource": {
       "apiVersion": "example.org/v1",
       "kind": "MR",
       "metadata": {
        "name": "cool-mr"
       }
      }
     }
    },
    "composite": {
     "resource": {
      "apiVersion": "example.org/v1",
      "kind": "XR",
      "metadata": {
       "name": "cool-xr"
      },
      "spec": {
       "count": 2
      }
     }
    }
   }
  }
 },
 {
  "name": "FirstNotCreated",
  "reason": "The function should delay the creation of the second resource because the first not created",
  "request": {
   "input": {
    "rules": [
     {
      "sequence": [
       "first",
       "second"
      ]
     }
    ]
   },
   "observed": {
    "resources": {},
    "composite": {
     "resource": {
      "apiVersion": "example.org/v1",
      "kind": "XR",
      "metadata": {
       "name": "cool-xr"
      },
      "spec": {
       "count": 2
      }
     }
    }
   },
   "desired": {
    "resources": {},
    "composite": {
     "resource": {
      "apiVersion": "example.org/v1",
      "kind": "XR",
      "metadata": {
       "name": "cool-xr"
      },
      "spec": {
       "count": 2
      }
     }
    }
   }
  },
  "response": {
   "results": [
    {
     "severity": "SEVERITY_NORMAL",
     "message": "Delaying creation of resource(s) matching \"second\" because \"first\" does not exist yet"
    }
   ],
   "desired": {
    "resources": {},
    "composite": {
     "resource": {
      "apiVersion": "example.org/v1",
      "kind": "XR",
      "metadata": {
       "name": "cool-xr"
      },
      "spec": {
       "count": 2
      }
     }
    }
   }
  }
 },
 {
  "name": "FirstNotReady",
  "reason": "The function should delay the creation of the second resource because the first is not ready",
  "request": {
   "input": {
    "rules": [
     {
      "sequence": [
       "first",
       "second"
      ]
     }
    ]
   },
   "observed": {
    "resources": {},
    "composite": {
     "resource": {
      "apiVersion": "example.org/v1",
      "kind": "XR",
      "metadata": {
       "name": "cool-xr"
      },
      "spec": {
       "count": 2
      }
     }
    }
   },
   "desired": {
    "resources": {
     "first": {
      "resource": {
       "apiVersion": "example.org/v1",
       "kind": "MR",
       "metadata": {
        "name": "cool-mr"
       }
      },
      "ready": "READY_FALSE"
     },
     "second": {
      "resource": {
       "apiVersion": "example.org/v1",
       "kind": "MR",
       "metadata": {
        "name": "cool-mr"
       }
      },
      "ready": "READY_FALSE"
     }
    },
    "composite": {
     "resource": {
      "apiVersion": "example.org/v1",
      "kind": "XR",
      "metadata": {
       "name": "cool-xr"
      },
      "spec": {
       "count": 2
      }
     }
    }
   }
  },
  "response": {
   "results": [
    {
     "severity": "SEVERITY_NORMAL",
     "message": "Delaying creation of resource(s) matching \"second\" because \"first\" is not fully ready (0 of 1)"
    }
   ],
   "desired": {
    "resources": {
     "first": {
      "resource": {
       "apiVersion": "example.org/v1",
       "kind": "MR",
       "metadata": {
        "name": "cool-mr"
       }
      },
      "ready": "READY_FALSE"
     }
    },
    "composite": {
     "resource": {
      "apiVersion": "example.org/v1",
      "kind": "XR",
      "metadata": {
       "name": "cool-xr"
      },
      "spec": {
       "count": 2
      }
     }
    }
   }
  }
 },
 {
  "name": "FirstReady",
  "reason": "The function should not delay the creation of the second resource because the first is ready",
  "request": {
   "input": {
    "rules": [
     {
      "sequence": [
       "first",
       "second"
      ]
     }
    ]
   },
   "observed": {
    "resources": {},
    "composite": {
     "resource": {
      "apiVersion": "example.org/v1",
      "kind": "XR",
      "metadata": {
       "name": "cool-xr"
      },
      "spec": {
       "count": 2
      }
     }
    }
   },
   "desired": {
    "resources": {
     "first": {
      "resource": {
       "apiVersion": "example.org/v1",
       "kind": "MR",
       "metadata": {
        "name": "cool-mr"
       }
      },
      "ready": "READY_TRUE"
     },
     "second": {
      "resource": {
       "apiVersion": "example.org/v1",
       "kind": "MR",
       "metadata": {
        "name": "cool-mr"
       }
      }
     }
    },
    "composite": {
     "resource": {
      "apiVersion": "example.org/v1",
      "kind": "XR",
      "metadata": {
       "name": "cool-xr"
      },
      "spec": {
       "count": 2
      }
     }
    }
   }
  },
  "response": {
   "results": [],
   "desired": {
    "resources": {
     "first": {
      "resource": {
       "apiVersion": "example.org/v1",
       "kind": "MR",
       "metadata": {
        "name": "cool-mr"
       }
      },
      "ready": "READY_TRUE"
     },
     "second": {
      "resource": {
       "apiVersion": "example.org/v1",
       "kind": "MR",
       "metadata": {
        "name": "cool-mr"
       }
      }
     }
    },
    "composite": {
     "resource": {
      "apiVersion": "example.org/v1",
      "kind": "XR",
      "metadata": {
       "name": "cool-xr"
      },
      "spec": {
       "count": 2
      }
     }
    }
   }
  }
 },
 {
  "name": "BothReady",
  "reason": "The function should return both of them",
  "request": {
   "input": {
    "rules": [
     {
      "sequence": [
       "first",
       "second"
      ]
     }
    ]
   },
   "observed": {
    "resources": {},
    "composite": {
     "resource": {
      "apiVersion": "example.org/v1",
      "kind": "XR",
      "metadata": {
       "name": "cool-xr"
      },
      "spec": {
       "count": 2
      }
     }
    }
   },
   "desired": {
    "resources": {
     "first": {
      "resource": {
       "apiVersion": "example.org/v1",
       "kind": "MR",
       "metadata": {
        "name": "cool-mr"
       }
      },
      "ready": "READY_TRUE"
     },
     "second": {
      "resource": {
       "apiVersion": "example.org/v1",
       "kind": "MR",
       "metadata": {
        "name": "cool-mr"
       }
      },
      "ready": "READY_TRUE"
     }
    },
    "composite": {
     "resource": {
      "apiVersion": "example.org/v1",
      "kind": "XR",
      "metadata": {
       "name": "cool-xr"
      },
      "spec": {
       "count": 2
      }
     }
    }
   }
  },
  "response": {
   "results": [],
   "desired": {
    "resources": {
     "first": {
      "resource": {
       "apiVersion": "example.org/v1",
       "kind": "MR",
       "metadata": {
        "name": "cool-mr"
       }
      },
      "ready": "READY_TRUE"
     },
     "second": {
      "resource": {
       "apiVersion": "example.org/v1",
       "kind": "MR",
       "metadata": {
        "name": "cool-mr"
       }
      },
      "ready": "READY_TRUE"
     }
    },
    "composite": {
     "resource": {
      "apiVersion": "example.org/v1",
      "kind": "XR",
      "metadata": {
       "name": "cool-xr"
      },
      "spec": {
       "count": 2
      }
     }
    }
   }
  }
 },
 {
  "name": "SequencesFirstNotReadyInBoth",
  "reason": "The function should delay the creation of second and fourth resources because the first and third are not ready",
  "request": {
   "input": {
    "rules": [
     {
      "sequence": [
       "first",
       "second"
      ]
     },
     {
      "sequence": [
       "third",
       "fourth"
      ]
     }
    ]
   },
   "observed": {
    "resources": {},
    "composite": {
     "resource": {
      "apiVersion": "example.org/v1",
      "kind": "XR",
      "metadata": {
       "name": "cool-xr"
      },
      "spec": {
       "count": 2
      }
     }
    }
   },
   "desired": {
    "resources": {
     "first": {
      "resource": {
       "apiVersion": "example.org/v1",
       "kind": "MR",
       "metadata": {
        "name": "cool-mr"
       }
      }
     },
     "second": {
      "resource": {
       "apiVersion": "example.org/v1",
       "kind": "MR",
       "metadata": {
        "name": "cool-mr"
       }
      }
     },
     "third": {
      "resource": {
       "apiVersion": "example.org/v1",
       "kind": "MR",
       "metadata": {
        "name": "cool-mr"
       }
      }
     },
     "fourth": {
      "resource": {
       "apiVersion": "example.org/v1",
       "kind": "MR",
       "metadata": {
        "name": "cool-mr"
       }
      }
     }
    },
    "composite": {
     "resource": {
      "apiVersion": "example.org/v1",
      "kind": "XR",
      "metadata": {
       "name": "cool-xr"
      },
      "spec": {
       "count": 2
      }
     }
    }
   }
  },
  "response": {
   "results": [
    {
     "severity": "SEVERITY_NORMAL",
     "message": "Delaying creation of resource(s) matching \"second\" because \"first\" is not fully ready (0 of 1)"
    },
    {
     "severity": "SEVERITY_NORMAL",
     "message": "Delaying creation of resource(s) matching \"fourth\" because \"third\" is not fully ready (0 of 1)"
    }
   ],
   "desired": {
    "resources": {
     "first": {
      "resource": {
       "apiVersion": "example.org/v1",
       "kind": "MR",
       "metadata": {
        "name": "cool-mr"
       }
      }
     },
     "third": {
      "resource": {
       "apiVersion": "example.org/v1",
       "kind": "MR",
       "metadata": {
        "name": "cool-mr"
       }
      }
     }
    },
    "composite": {
     "resource": {
      "apiVersion": "example.org/v1",
      "kind": "XR",
      "metadata": {
       "name": "cool-xr"
      },
      "spec": {
       "count": 2
      }
     }
    }
   }
  }
 },
 {
  "name": "SequencesFirstReadyInBoth",
  "reason": "The function should not delay the creation of any resource",
  "request": {
   "input": {
    "rules": [
     {
      "sequence": [
       "first",
       "second"
      ]
     },
     {
      "sequence": [
       "third",
       "fourth"
      ]
     }
    ]
   },
   "observed": {
    "resources": {},
    "composite": {
     "resource": {
      "apiVersion": "example.org/v1",
      "kind": "XR",
      "metadata": {
       "name": "cool-xr"
      },
      "spec": {
       "count": 2
      }
     }
    }
   },
   "desired": {
    "resources": {
     "first": {
      "resource": {
       "apiVersion": "example.org/v1",
       "kind": "MR",
       "metadata": {
        "name": "cool-mr"
       }
      },
      "ready": "READY_TRUE"
     },
     "second": {
      "resource": {
       "apiVersion": "example.org/v1",
       "kind": "MR",
       "metadata": {
        "name": "cool-mr"
       }
      }
     },
     "third": {
      "resource": {
       "apiVersion": "example.org/v1",
       "kind": "MR",
       "metadata": {
        "name": "cool-mr"
       }
      },
      "ready": "READY_TRUE"
     },
     "fourth": {
      "resource": {
       "apiVersion": "example.org/v1",
       "kind": "MR",
       "metadata": {
        "name": "cool-mr"
       }
      }
     }
    },
    "composite": {
     "resource": {
      "apiVersion": "example.org/v1",
      "kind": "XR",
      "metadata": {
       "name": "cool-xr"
      },
      "spec": {
       "count": 2
      }
     }
    }
   }
  },
  "response": {
   "results": [],
   "desired": {
    "resources": {
     "first": {
      "resource": {
       "apiVersion": "example.org/v1",
       "kind": "MR",
       "metadata": {
        "name": "cool-mr"
       }
      },
      "ready": "READY_TRUE"
     },
     "second": {
      "resource": {
       "apiVersion": "example.org/v1",
       "kind": "MR",
       "metadata": {
        "name": "cool-mr"
       }
      }
     },
     "third": {
      "resource": {
       "apiVersion": "example.org/v1",
       "kind": "MR",
       "metadata": {
        "name": "cool-mr"
       }
      },
      "ready": "READY_TRUE"
     },
     "fourth": {
      "resource": {
       "apiVersion": "example.org/v1",
       "kind": "MR",
       "metadata": {
        "name": "cool-mr"
       }
      }
     }
    },
    "composite": {
     "resource": {
      "apiVersion": "example.org/v1",
      "kind": "XR",
      "metadata": {
       "name": "cool-xr"
      },
      "spec": {
       "count": 2
      }
     }
    }
   }
  }
 },
 {
  "name": "OutOfSequence",
  "reason": "The function should delay the creation of second, but allow the creation of the other since its not in a sequence",
  "request": {
   "input": {
    "rules": [
     {
      "sequence": [
       "first",
       "second"
      ]
     }
    ]
   },
   "observed": {
    "resources": {},
    "composite": {
     "resource": {
      "apiVersion": "example.org/v1",
      "kind": "XR",
      "metadata": {
       "name": "cool-xr"
      },
      "spec": {
       "count": 2
      }
     }
    }
   },
   "desired": {
    "resources": {
     "first": {
      "resource": {
       "apiVersion": "example.org/v1",
       "kind": "MR",
       "metadata": {
        "name": "cool-mr"
       }
      },
      "ready": "READY_FALSE"
     },
     "second": {
      "resource": {
       "apiVersion": "example.org/v1",
       "kind": "MR",
       "metadata": {
        "name": "cool-mr"
       }
      }
     },
     "outofsequence": {
      "resource": {
       "apiVersion": "example.org/v1",
       "kind": "MR",
       "metadata": {
        "name": "cool-mr"
       }
      }
     }
    },
    "composite": {
     "resource": {
      "apiVersion": "example.org/v1",
      "kind": "XR",
      "metadata": {
       "name": "cool-xr"
      },
      "spec": {
       "count": 2
      }
     }
    }
   }
  },
  "response": {
   "results": [
    {
     "severity": "SEVERITY_NORMAL",
     "message": "Delaying creation of resource(s) matching \"second\" because \"first\" is not fully ready (0 of 1)"
    }
   ],
   "desired": {
    "resources": {
     "first": {
      "resource": {
       "apiVersion": "example.org/v1",
       "kind": "MR",
       "metadata": {
        "name": "cool-mr"
       }
      },
      "ready": "READY_FALSE"
     },
     "outofsequence": {
      "resource": {
       "apiVersion": "example.org/v1",
       "kind": "MR",
       "metadata": {
        "name": "cool-mr"
       }
      }
     }
    },
    "composite": {
     "resource": {
      "apiVersion": "example.org/v1",
      "kind": "XR",
      "metadata": {
       "name": "cool-xr"
      },
      "spec": {
       "count": 2
      }
     }
    }
   }
  }
 },
 {
  "name": "SequenceRegexNotAllReady",
  "reason": "The function should delay the creation of the second resource because the first-2 resource is not ready",
  "request": {
   "input": {
    "rules": [
     {
      "sequence": [
       "first-.*",
       "second"
      ]
     }
    ]
   },
   "observed": {
    "resources": {},
    "composite": {
     "resource": {
      "apiVersion": "example.org/v1",
      "kind": "XR",
      "metadata": {
       "name": "cool-xr"
      },
      "spec": {
       "count": 2
      }
     }
    }
   },
   "desired": {
    "resources": {
     "first-0": {
      "resource": {
       "apiVersion": "example.org/v1",
       "kind": "MR",
       "metadata": {
        "name": "cool-mr"
       }
      },
      "ready": "READY_TRUE"
     },
     "first-1": {
      "resource": {
       "apiVersion": "example.org/v1",
       "kind": "MR",
       "metadata": {
        "name": "cool-mr"
       }
      },
      "ready": "READY_TRUE"
     },
     "first-2": {
      "resource": {
       "apiVersion": "example.org/v1",
       "kind": "MR",
       "metadata": {
        "name": "cool-mr"
       }
      }
     },
     "second": {
      "resource": {
       "apiVersion": "example.org/v1",
       "kind": "MR",
       "metadata": {
        "name": "cool-mr"
       }
      }
     }
    },
    "composite": {
     "resource": {
      "apiVersion": "example.org/v1",
      "kind": "XR",
      "metadata": {
       "name": "cool-xr"
      },
      "spec": {
       "count": 2
      }
     }
    }
   }
  },
  "response": {
   "results": [
    {
     "severity": "SEVERITY_NORMAL",
     "message": "Delaying creation of resource(s) matching \"second\" because \"first-.*\" is not fully ready (2 of 3)"
    }
   ],
   "desired": {
    "resources": {
     "first-0": {
      "resource": {
       "apiVersion": "example.org/v1",
       "kind": "MR",
       "metadata": {
        "name": "cool-mr"
       }
      },
      "ready": "READY_TRUE"
     },
     "first-1": {
      "resource": {
       "apiVersion": "example.org/v1",
       "kind": "MR",
       "metadata": {
        "name": "cool-mr"
       }
      },
      "ready": "READY_TRUE"
     },
     "first-2": {
      "resource": {
       "apiVersion": "example.org/v1",
       "kind": "MR",
       "metadata": {
        "name": "cool-mr"
       }
      }
     }
    },
    "composite": {
     "resource": {
      "apiVersion": "example.org/v1",
      "kind": "XR",
      "metadata": {
       "name": "cool-xr"
      },
      "spec": {
       "count": 2
      }
     }
    }
   }
  }
 },
 {
  "name": "SequenceRegexObservedAreSkipped",
  "reason": "The function should not attempt to remove resources from the desired state when they are already in the observed state",
  "request": {
   "input": {
    "rules": [
     {
      "sequence": [
       "first-.*",
       "second-.*"
      ]
     }
    ]
   },
   "observed": {
    "resources": {
     "first-1": {
      "resource": {
       "apiVersion": "example.org/v1",
       "kind": "MR",
       "metadata": {
        "name": "cool-mr"
       }
      },
      "ready": "READY_TRUE"
     },
     "second-1": {
      "resource": {
       "apiVersion": "example.org/v1",
       "kind": "MR",
       "metadata": {
        "name": "cool-mr"
       }
      },
      "ready": "READY_TRUE"
     }
    },
    "composite": {
     "resource": {
      "apiVersion": "example.org/v1",
      "kind": "XR",
      "metadata": {
       "name": "cool-xr"
      },
      "spec": {
       "count": 2
      }
     }
    }
   },
   "desired": {
    "resources": {
     "first-1": {
      "resource": {
       "apiVersion": "example.org/v1",
       "kind": "MR",
       "metadata": {
        "name": "cool-mr"
       }
      },
      "ready": "READY_TRUE"
     },
     "first-2": {
      "resource": {
       "apiVersion": "example.org/v1",
       "kind": "MR",
       "metadata": {
        "name": "cool-mr"
       }
      }
     },
     "second-1": {
      "resource": {
       "apiVersion": "example.org/v1",
       "kind": "MR",
       "metadata": {
        "name": "cool-mr"
       }
      },
      "ready": "READY_TRUE"
     }
    },
    "composite": {
     "resource": {
      "apiVersion": "example.org/v1",
      "kind": "XR",
      "metadata": {
       "name": "cool-xr"
      },
      "spec": {
       "count": 2
      }
     }
    }
   }
  },
  "response": {
   "results": [
    {
     "severity": "SEVERITY_NORMAL",
     "message": "Delaying creation of resource(s) matching \"second-.*\" because \"first-.*\" is not fully ready (1 of 2)"
    }
   ],
   "desired": {
    "resources": {
     "first-1": {
      "resource": {
       "apiVersion": "example.org/v1",
       "kind": "MR",
       "metadata": {
        "name": "cool-mr"
       }
      },
      "ready": "READY_TRUE"
     },
     "first-2": {
      "resource": {
       "apiVersion": "example.org/v1",
       "kind": "MR",
       "metadata": {
        "name": "cool-mr"
       }
      }
     },
     "second-1": {
      "resource": {
       "apiVersion": "example.org/v1",
       "kind": "MR",
       "metadata": {
        "name": "cool-mr"
       }
      },
      "ready": "READY_TRUE"
     }
    },
    "composite": {
     "resource": {
      "apiVersion": "example.org/v1",
      "kind": "XR",
      "metadata": {
       "name": "cool-xr"
      },
      "spec": {
       "count": 2
      }
     }
    }
   }
  }
 },
 {
  "name": "SequenceRegexFirstGroupReady",
  "reason": "The function should delay the creation of the third resource because the second-1 resource is not ready",
  "request": {
   "input": {
    "rules": [
     {
      "sequence": [
       "first-.*",
       "second-.*",
       "third"
      ]
     }
    ]
   },
   "observed": {
    "resources": {},
    "composite": {
     "resource": {
      "apiVersion": "example.org/v1",
      "kind": "XR",
      "metadata": {
       "name": "cool-xr"
      },
      "spec": {
       "count": 2
      }
     }
    }
   },
   "desired": {
    "resources": {
     "first-0": {
      "resource": {
       "apiVersion": "example.org/v1",
       "kind": "MR",
       "metadata": {
        "name": "cool-mr"
       }
      },
      "ready": "READY_TRUE"
     },
     "first-1": {
      "resource": {
       "apiVersion": "example.org/v1",
       "kind": "MR",
       "metadata": {
        "name": "cool-mr"
       }
      },
      "ready": "READY_TRUE"
     },
     "first-2": {
      "resource": {
       "apiVersion": "example.org/v1",
       "kind": "MR",
       "metadata": {
        "name": "cool-mr"
       }
      },
      "ready": "READY_TRUE"
     },
     "second-0": {
      "resource": {
       "apiVersion": "example.org/v1",
       "kind": "MR",
       "metadata": {
        "name": "cool-mr"
       }
      },
      "ready": "READY_TRUE"
     },
     "second-1": {
      "resource": {
       "apiVersion": "example.org/v1",
       "kind": "MR",
       "metadata": {
        "name": "cool-mr"
       }
      }
     },
     "third": {
      "resource": {
       "apiVersion": "example.org/v1",
       "kind": "MR",
       "metadata": {
        "name": "cool-mr"
       }
      }
     }
    },
    "composite": {
     "resource": {
      "apiVersion": "example.org/v1",
      "kind": "XR",
      "metadata": {
       "name": "cool-xr"
      },
      "spec": {
       "count": 2
      }
     }
    }
   }
  },
  "response": {
   "results": [
    {
     "severity": "SEVERITY_NORMAL",
     "message": "Delaying creation of resource(s) matching \"third\" because \"second-.*\" is not fully ready (1 of 2)"
    }
   ],
   "desired": {
    "resources": {
     "first-0": {
      "resource": {
       "apiVersion": "example.org/v1",
       "kind": "MR",
       "metadata": {
        "name": "cool-mr"
       }
      },
      "ready": "READY_TRUE"
     },
     "first-1": {
      "resource": {
       "apiVersion": "example.org/v1",
       "kind": "MR",
       "metadata": {
        "name": "cool-mr"
       }
      },
      "ready": "READY_TRUE"
     },
     "first-2": {
      "resource": {
       "apiVersion": "example.org/v1",
       "kind": "MR",
       "metadata": {
        "name": "cool-mr"
       }
      },
      "ready": "READY_TRUE"
     },
     "second-0": {
      "resource": {
       "apiVersion": "example.org/v1",
       "kind": "MR",
       "metadata": {
        "name": "cool-mr"
       }
      },
      "ready": "READY_TRUE"
     },
     "second-1": {
      "resource": {
       "apiVersion": "example.org/v1",
       "kind": "MR",
       "metadata": {
        "name": "cool-mr"
       }
      }
     }
    },
    "composite": {
     "resource": {
      "apiVersion": "example.org/v1",
      "kind": "XR",
      "metadata": {
       "name": "cool-xr"
      },
      "spec": {
       "count": 2
      }
     }
    }
   }
  }
 },
 {
  "name": "MixedRegex",
  "reason": "The function should delay the creation of the third resource because the second-1 resource is not ready",
  "request": {
   "input": {
    "rules": [
     {
      "sequence": [
       "first",
       "second-.*",
       "third"
      ]
     }
    ]
   },
   "observed": {
    "resources": {},
    "composite": {
     "resource": {
      "apiVersion": "example.org/v1",
      "kind": "XR",
      "metadata": {
       "name": "cool-xr"
      },
      "spec": {
       "count": 2
      }
     }
    }
   },
   "desired": {
    "resources": {
     "first": {
      "resource": {
       "apiVersion": "example.org/v1",
       "kind": "MR",
       "metadata": {
        "name": "cool-mr"
       }
      },
      "ready": "READY_TRUE"
     },
     "second-0": {
      "resource": {
       "apiVersion": "example.org/v1",
       "kind": "MR",
       "metadata": {
        "name": "cool-mr"
       }
      },
      "ready": "READY_TRUE"
     },
     "second-1": {
      "resource": {
       "apiVersion": "example.org/v1",
       "kind": "MR",
       "metadata": {
        "name": "cool-mr"
       }
      }
     },
     "third": {
      "resource": {
       "apiVersion": "example.org/v1",
       "kind": "MR",
       "metadata": {
        "name": "cool-mr"
       }
      }
     }
    },
    "composite": {
     "resource": {
      "apiVersion": "example.org/v1",
      "kind": "XR",
      "metadata": {
       "name": "cool-xr"
      },
      "spec": {
       "count": 2
      }
     }
    }
   }
  },
  "response": {
   "results": [
    {
     "severity": "SEVERITY_NORMAL",
     "message": "Delaying creation of resource(s) matching \"third\" because \"second-.*\" is not fully ready (1 of 2)"
    }
   ],
   "desired": {
    "resources": {
     "first": {
      "resource": {
       "apiVersion": "example.org/v1",
       "kind": "MR",
       "metadata": {
        "name": "cool-mr"
       }
      },
      "ready": "READY_TRUE"
     },
     "second-0": {
      "resource": {
       "apiVersion": "example.org/v1",
       "kind": "MR",
       "metadata": {
        "name": "cool-mr"
       }
      },
      "ready": "READY_TRUE"
     },
     "second-1": {
      "resource": {
       "apiVersion": "example.org/v1",
       "kind": "MR",
       "metadata": {
        "name": "cool-mr"
       }
      }
     }
    },
    "composite": {
     "resource": {
      "apiVersion": "example.org/v1",
      "kind": "XR",
      "metadata": {
       "name": "cool-xr"
      },
      "spec": {
       "count": 2
      }
     }
    }
   }
  }
 },
 {
  "name": "SequenceRegexWaitComplex",
  "reason": "The function should not modify the sequence regex, since it's already prefixed",
  "request": {
   "input": {
    "rules": [
     {
      "sequence": [
       "first-.*",
       "second$",
       "third-resource"
      ]
     }
    ]
   },
   "observed": {
    "resources": {},
    "composite": {
     "resource": {
      "apiVersion": "example.org/v1",
      "kind": "XR",
      "metadata": {
       "name": "cool-xr"
      },
      "spec": {
       "count": 2
      }
     }
    }
   },
   "desired": {
    "resources": {
     "first-0": {
      "resource": {
       "apiVersion": "example.org/v1",
       "kind": "MR",
       "metadata": {
        "name": "cool-mr"
       }
      },
      "ready": "READY_TRUE"
     },
     "first-1": {
      "resource": {
       "apiVersion": "example.org/v1",
       "kind": "MR",
       "metadata": {
        "name": "cool-mr"
       }
      },
      "ready": "READY_FALSE"
     },
     "0-second": {
      "resource": {
       "apiVersion": "example.org/v1",
       "kind": "MR",
       "metadata": {
        "name": "cool-mr"
       }
      }
     },
     "1-second": {
      "resource": {
       "apiVersion": "example.org/v1",
       "kind": "MR",
       "metadata": {
        "name": "cool-mr"
       }
      }
     },
     "third-resource": {
      "resource": {
       "apiVersion": "example.org/v1",
       "kind": "MR",
       "metadata": {
        "name": "cool-mr"
       }
      }
     }
    },
    "composite": {
     "resource": {
      "apiVersion": "example.org/v1",
      "kind": "XR",
      "metadata": {
       "name": "cool-xr"
      },
      "spec": {
       "count": 2
      }
     }
    }
   }
  },
  "response": {
   "results": [
    {
     "severity": "SEVERITY_NORMAL",
     "message": "Delaying creation of resource(s) matching \"second$\" because \"first-.*\" is not fully ready (1 of 2)"
    },
    {
     "severity": "SEVERITY_NORMAL",
     "message": "Delaying creation of resource(s) matching \"third-resource\" because \"first-.*\" is not fully ready (1 of 2)"
    }
   ],
   "desired": {
    "resources": {
     "first-0": {
      "resource": {
       "apiVersion": "example.org/v1",
       "kind": "MR",
       "metadata": {
        "name": "cool-mr"
       }
      },
      "ready": "READY_TRUE"
     },
     "first-1": {
      "resource": {
       "apiVersion": "example.org/v1",
       "kind": "MR",
       "metadata": {
        "name": "cool-mr"
       }
      },
      "ready": "READY_FALSE"
     }
    },
    "composite": {
     "resource": {
      "apiVersion": "example.org/v1",
      "kind": "XR",
      "metadata": {
       "name": "cool-xr"
      },
      "spec": {
       "count": 2
      }
     }
    }
   }
  }
 },
 {
  "name": "SequenceRegexAlreadyPrefixed",
  "reason": "The function should not modify the sequence regex, since it's already prefixed",
  "request": {
   "input": {
    "rules": [
     {
      "sequence": [
       "^first-.*$",
       "^second-.*",
       "third-.*$",
       "fourth"
      ]
     }
    ]
   },
   "observed": {
    "resources": {},
    "composite": {
     "resource": {
      "apiVersion": "example.org/v1",
      "kind": "XR",
      "metadata": {
       "name": "cool-xr"
      },
      "spec": {
       "count": 2
      }
     }
    }
   },
   "desired": {
    "resources": {
     "first-0": {
      "resource": {
       "apiVersion": "example.org/v1",
       "kind": "MR",
       "metadata": {
        "name": "cool-mr"
       }
      },
      "ready": "READY_TRUE"
     },
     "first-1": {
      "resource": {
       "apiVersion": "example.org/v1",
       "kind": "MR",
       "metadata": {
        "name": "cool-mr"
       }
      },
      "ready": "READY_TRUE"
     },
     "second-0": {
      "resource": {
       "apiVersion": "example.org/v1",
       "kind": "MR",
       "metadata": {
        "name": "cool-mr"
       }
      },
      "ready": "READY_TRUE"
     },
     "third-0": {
      "resource": {
       "apiVersion": "example.org/v1",
       "kind": "MR",
       "metadata": {
        "name": "cool-mr"
       }
      }
     }
    },
    "composite": {
     "resource": {
      "apiVersion": "example.org/v1",
      "kind": "XR",
      "metadata": {
       "name": "cool-xr"
      },
      "spec": {
       "count": 2
      }
     }
    }
   }
  },
  "response": {
   "results": [
    {
     "severity": "SEVERITY_NORMAL",
     "message": "Delaying creation of resource(s) matching \"fourth\" because \"third-.*$\" is not fully ready (0 of 1)"
    }
   ],
   "desired": {
    "resources": {
     "first-0": {
      "resource": {
       "apiVersion": "example.org/v1",
       "kind": "MR",
       "metadata": {
        "name": "cool-mr"
       }
      },
      "ready": "READY_TRUE"
     },
     "first-1": {
      "resource": {
       "apiVersion": "example.org/v1",
       "kind": "MR",
       "metadata": {
        "name": "cool-mr"
       }
      },
      "ready": "READY_TRUE"
     },
     "second-0": {
      "resource": {
       "apiVersion": "example.org/v1",
       "kind": "MR",
       "metadata": {
        "name": "cool-mr"
       }
      },
      "ready": "READY_TRUE"
     },
     "third-0": {
      "resource": {
       "apiVersion": "example.org/v1",
       "kind": "MR",
       "metadata": {
        "name": "cool-mr"
       }
      }
     }
    },
    "composite": {
     "resource": {
      "apiVersion": "example.org/v1",
      "kind": "XR",
      "metadata": {
       "name": "cool-xr"
      },
      "spec": {
       "count": 2
      }
     }
    }
   }
  }
 },
 {
  "name": "SequenceRegexInvalidRegex",
  "reason": "The function should return a fatal error because the regex is invalid",
  "request": {
   "input": {
    "rules": [
     {
      "sequence": [
       "^(",
       "second"
      ]
     }
    ]
   },
   "observed": {
    "resources": {},
    "composite": {
     "resource": {
      "apiVersion": "example.org/v1",
      "kind": "XR",
      "metadata": {
       "name": "cool-xr"
      },
      "spec": {
       "count": 2
      }
     }
    }
   },
   "desired": {
    "resources": {
     "first-0": {
      "resource": {
       "apiVersion": "example.org/v1",
       "kind": "MR",
       "metadata": {
        "name": "cool-mr"
       }
      },
      "ready": "READY_TRUE"
     },
     "first-1": {
      "resource": {
       "apiVersion": "example.org/v1",
       "kind": "MR",
       "metadata": {
        "name": "cool-mr"
       }
      },
      "ready": "READY_TRUE"
     },
     "second": {
      "resource": {
       "apiVersion": "example.org/v1",
       "kind": "MR",
       "metadata": {
        "name": "cool-mr"
       }
      },
      "ready": "READY_TRUE"
     }
    },
    "composite": {
     "resource": {
      "apiVersion": "example.org/v1",
      "kind": "XR",
      "metadata": {
       "name": "cool-xr"
      },
      "spec": {
       "count": 2
      }
     }
    }
   }
  },
  "response": {
   "results": [
    {
     "severity": "SEVERITY_FATAL",
     "message": "cannot compile regex ^(: error parsing regexp: missing closing ): `^(`"
    }
   ],
   "desired": {
    "resources": {
     "first-0": {
      "resource": {
       "apiVersion": "example.org/v1",
       "kind": "MR",
       "metadata": {
        "name": "cool-mr"
       }
      },
      "ready": "READY_TRUE"
     },
     "first-1": {
      "resource": {
       "apiVersion": "example.org/v1",
       "kind": "MR",
       "metadata": {
        "name": "cool-mr"
       }
      },
      "ready": "READY_TRUE"
     },
     "second": {
      "resource": {
       "apiVersion": "example.org/v1",
       "kind": "MR",
       "metadata": {
        "name": "cool-mr"
       }
      },
      "ready": "READY_TRUE"
     }
    },
    "composite": {
     "resource": {
      "apiVersion": "example.org/v1",
      "kind": "XR",
      "metadata": {
       "name": "cool-xr"
      },
      "spec": {
       "count": 2
      }
     }
    }
   }
  }
 },
 {
  "name": "FirstReadyUsageV1",
  "reason": "The function should create a V1 Usage when the first resource is ready",
  "request": {
   "input": {
    "enableDeletionSequencing": true,
    "replayDeletion": true,
    "rules": [
     {
      "sequence": [
       "first",
       "second"
      ]
     }
    ],
    "usageVersion": "v1"
   },
   "observed": {
    "resources": {
     "first": {
      "resource": {
       "apiVersion": "example.org/v1",
       "kind": "XR",
       "metadata": {
        "name": "cool-xr"
       },
       "spec": {
        "count": 2
       }
      },
      "ready": "READY_TRUE"
     },
     "second": {
      "resource": {
       "apiVersion": "example.org/v1",
       "kind": "MR",
       "metadata": {
        "name": "cool-mr"
       }
      },
      "ready": "READY_TRUE"
     }
    },
    "composite": {
     "resource": {
      "apiVersion": "example.org/v1",
      "kind": "XR",
      "metadata": {
       "name": "cool-xr"
      },
      "spec": {
       "count": 2
      }
     }
    }
   },
   "desired": {
    "resources": {
     "first": {
      "resource": {
       "apiVersion": "example.org/v1",
       "kind": "XR",
       "metadata": {
        "name": "cool-xr"
       },
       "spec": {
        "count": 2
       }
      },
      "ready": "READY_TRUE"
     },
     "second": {
      "resource": {
       "apiVersion": "example.org/v1",
       "kind": "MR",
       "metadata": {
        "name": "cool-mr"
       }
      },
      "ready": "READY_TRUE"
     }
    },
    "composite": {
     "resource": {
      "apiVersion": "example.org/v1",
      "kind": "XR",
      "metadata": {
       "name": "cool-xr"
      },
      "spec": {
       "count": 2
      }
     }
    }
   }
  },
  "response": {
   "results": [],
   "desired": {
    "resources": {
     "first": {
      "resource": {
       "apiVersion": "example.org/v1",
       "kind": "XR",
       "metadata": {
        "name": "cool-xr"
       },
       "spec": {
        "count": 2
       }
      },
      "ready": "READY_TRUE"
     },
     "second": {
      "resource": {
       "apiVersion": "example.org/v1",
       "kind": "MR",
       "metadata": {
        "name": "cool-mr"
       }
      },
      "ready": "READY_TRUE"
     },
     "second-first-usage": {
      "resource": {
       "apiVersion": "apiextensions.crossplane.io/v1beta1",
       "kind": "Usage",
       "metadata": {
        "name": "mr-cool-mr-xr-cool-xr-d9f469-dependency"
       },
       "spec": {
        "by": {
         "apiVersion": "example.org/v1",
         "kind": "MR",
         "resourceRef": {
          "name": "cool-mr"
         }
        },
        "of": {
         "apiVersion": "example.org/v1",
         "kind": "XR",
         "resourceRef": {
          "name": "cool-xr"
         }
        },
        "reason": "dependency",
        "replayDeletion": true
       }
      },
      "ready": "READY_TRUE"
     }
    },
    "composite": {
     "resource": {
      "apiVersion": "example.org/v1",
      "kind": "XR",
      "metadata": {
       "name": "cool-xr"
      },
      "spec": {
       "count": 2
      }
     }
    }
   }
  }
 },
 {
  "name": "FirstReadyUsageV2Cluster",
  "reason": "The function should create a V2 ClusterUsage when the first resource is ready",
  "request": {
   "input": {
    "enableDeletionSequencing": true,
    "replayDeletion": true,
    "rules": [
     {
      "sequence": [
       "first",
       "second"
      ]
     }
    ],
    "usageVersion": "v2"
   },
   "observed": {
    "resources": {
     "first": {
      "resource": {
       "apiVersion": "example.org/v1",
       "kind": "XR",
       "metadata": {
        "name": "cool-xr"
       },
       "spec": {
        "count": 2
       }
      },
      "ready": "READY_TRUE"
     },
     "second": {
      "resource": {
       "apiVersion": "example.org/v1",
       "kind": "MR",
       "metadata": {
        "name": "cool-mr"
       }
      },
      "ready": "READY_TRUE"
     }
    },
    "composite": {
     "resource": {
      "apiVersion": "example.org/v1",
      "kind": "XR",
      "metadata": {
       "name": "cool-xr"
      },
      "spec": {
       "count": 2
      }
     }
    }
   },
   "desired": {
    "resources": {
     "first": {
      "resource": {
       "apiVersion": "example.org/v1",
       "kind": "XR",
       "metadata": {
        "name": "cool-xr"
       },
       "spec": {
        "count": 2
       }
      },
      "ready": "READY_TRUE"
     },
     "second": {
      "resource": {
       "apiVersion": "example.org/v1",
       "kind": "MR",
       "metadata": {
        "name": "cool-mr"
       }
      },
      "ready": "READY_TRUE"
     }
    },
    "composite": {
     "resource": {
      "apiVersion": "example.org/v1",
      "kind": "XR",
      "metadata": {
       "name": "cool-xr"
      },
      "spec": {
       "count": 2
      }
     }
    }
   }
  },
  "response": {
   "results": [],
   "desired": {
    "resources": {
     "first": {
      "resource": {
       "apiVersion": "example.org/v1",
       "kind": "XR",
       "metadata": {
        "name": "cool-xr"
       },
       "spec": {
        "count": 2
       }
      },
      "ready": "READY_TRUE"
     },
     "second": {
      "resource": {
       "apiVersion": "example.org/v1",
       "kind": "MR",
       "metadata": {
        "name": "cool-mr"
       }
      },
      "ready": "READY_TRUE"
     },
     "second-first-usage": {
      "resource": {
       "apiVersion": "protection.crossplane.io/v1beta1",
       "kind": "ClusterUsage",
       "metadata": {
        "name": "mr-cool-mr-xr-cool-xr-d9f469-dependency"
       },
       "spec": {
        "by": {
         "apiVersion": "example.org/v1",
         "kind": "MR",
         "resourceRef": {
          "name": "cool-mr"
         }
        },
        "of": {
         "apiVersion": "example.org/v1",
         "kind": "XR",
         "resourceRef": {
          "name": "cool-xr"
         }
        },
        "reason": "dependency",
        "replayDeletion": true
       }
      },
      "ready": "READY_TRUE"
     }
    },
    "composite": {
     "resource": {
      "apiVersion": "example.org/v1",
      "kind": "XR",
      "metadata": {
       "name": "cool-xr"
      },
      "spec": {
       "count": 2
      }
     }
    }
   }
  }
 },
 {
  "name": "FirstReadyUsageV2Namespaced",
  "reason": "The function should create a V2 Namespaced Usage when the first resource is ready",
  "request": {
   "input": {
    "enableDeletionSequencing": true,
    "replayDeletion": true,
    "rules": [
     {
      "sequence": [
       "first",
       "second"
      ]
     }
    ],
    "usageVersion": "v2"
   },
   "observed": {
    "resources": {
     "first": {
      "resource": {
       "apiVersion": "example.org/v1",
       "kind": "XR",
       "metadata": {
        "name": "cool-xr",
        "namespace": "cool-namespace"
       },
       "spec": {
        "count": 2
       }
      },
      "ready": "READY_TRUE"
     },
     "second": {
      "resource": {
       "apiVersion": "example.org/v1",
       "kind": "MR",
       "metadata": {
        "name": "cool-mr",
        "namespace": "cool-namespace"
       }
      },
      "ready": "READY_TRUE"
     }
    },
    "composite": {
     "resource": {
      "apiVersion": "example.org/v1",
      "kind": "XR",
      "metadata": {
       "name": "cool-xr"
      },
      "spec": {
       "count": 2
      }
     }
    }
   },
   "desired": {
    "resources": {
     "first": {
      "resource": {
       "apiVersion": "example.org/v1",
       "kind": "XR",
       "metadata": {
        "name": "cool-xr",
        "namespace": "cool-namespace"
       },
       "spec": {
        "count": 2
       }
      },
      "ready": "READY_TRUE"
     },
     "second": {
      "resource": {
       "apiVersion": "example.org/v1",
       "kind": "MR",
       "metadata": {
        "name": "cool-mr",
        "namespace": "cool-namespace"
       }
      },
      "ready": "READY_TRUE"
     }
    },
    "composite": {
     "resource": {
      "apiVersion": "example.org/v1",
      "kind": "XR",
      "metadata": {
       "name": "cool-xr"
      },
      "spec": {
       "count": 2
      }
     }
    }
   }
  },
  "response": {
   "results": [],
   "desired": {
    "resources": {
     "first": {
      "resource": {
       "apiVersion": "example.org/v1",
       "kind": "XR",
       "metadata": {
        "name": "cool-xr",
        "namespace": "cool-namespace"
       },
       "spec": {
        "count": 2
       }
      },
      "ready": "READY_TRUE"
     },
     "second": {
      "resource": {
       "apiVersion": "example.org/v1",
       "kind": "MR",
       "metadata": {
        "name": "cool-mr",
        "namespace": "cool-namespace"
       }
      },
      "ready": "READY_TRUE"
     },
     "second-first-usage": {
      "resource": {
       "apiVersion": "protection.crossplane.io/v1beta1",
       "kind": "Usage",
       "metadata": {
        "name": "mr-cool-mr-xr-cool-xr-d9f469-dependency",
        "namespace": "cool-namespace"
       },
       "spec": {
        "by": {
         "apiVersion": "example.org/v1",
         "kind": "MR",
         "resourceRef": {
          "name": "cool-mr"
         }
        },
        "of": {
         "apiVersion": "example.org/v1",
         "kind": "XR",
         "resourceRef": {
          "name": "cool-xr"
         }
        },
        "reason": "dependency",
        "replayDeletion": true
       }
      },
      "ready": "READY_TRUE"
     }
    },
    "composite": {
     "resource": {
      "apiVersion": "example.org/v1",
      "kind": "XR",
      "metadata": {
       "name": "cool-xr"
      },
      "spec": {
       "count": 2
      }
     }
    }
   }
  }
 },
 {
  "name": "MixedRegexUsageV1",
  "reason": "The function should create all resources and their V1 Usages because all desired resources are ready",
  "request": {
   "input": {
    "enableDeletionSequencing": true,
    "replayDeletion": true,
    "rules": [
     {
      "sequence": [
       "first",
       "second-.*",
       "third"
      ]
     }
    ],
    "usageVersion": "v1"
   },
   "observed": {
    "resources": {
     "first": {
      "resource": {
       "apiVersion": "example.org/v1",
       "kind": "XR",
       "metadata": {
        "name": "cool-xr"
       },
       "spec": {
        "count": 2
       }
      },
      "ready": "READY_TRUE"
     },
     "second-0": {
      "resource": {
       "apiVersion": "example.org/v1",
       "kind": "MR",
       "metadata": {
        "name": "cool-mr"
       }
      },
      "ready": "READY_TRUE"
     },
     "second-1": {
      "resource": {
       "apiVersion": "example.org/v1",
       "kind": "MR",
       "metadata": {
        "name": "cool-mr"
       }
      },
      "ready": "READY_TRUE"
     },
     "third": {
      "resource": {
       "apiVersion": "example.org/v1",
       "kind": "MR",
       "metadata": {
        "name": "cool-mr"
       }
      },
      "ready": "READY_TRUE"
     }
    },
    "composite": {
     "resource": {
      "apiVersion": "example.org/v1",
      "kind": "XR",
      "metadata": {
       "name": "cool-xr"
      },
      "spec": {
       "count": 2
      }
     }
    }
   },
   "desired": {
    "resources": {
     "first": {
      "resource": {
       "apiVersion": "example.org/v1",
       "kind": "XR",
       "metadata": {
        "name": "cool-xr"
       },
       "spec": {
        "count": 2
       }
      },
      "ready": "READY_TRUE"
     },
     "second-0": {
      "resource": {
       "apiVersion": "example.org/v1",
       "kind": "MR",
       "metadata": {
        "name": "cool-mr"
       }
      },
      "ready": "READY_TRUE"
     },
     "second-1": {
      "resource": {
       "apiVersion": "example.org/v1",
       "kind": "MR",
       "metadata": {
        "name": "cool-mr"
       }
      },
      "ready": "READY_TRUE"
     },
     "third": {
      "resource": {
       "apiVersion": "example.org/v1",
       "kind": "MR",
       "metadata": {
        "name": "cool-mr"
       }
      },
      "ready": "READY_TRUE"
     }
    },
    "composite": {
     "resource": {
      "apiVersion": "example.org/v1",
      "kind": "XR",
      "metadata": {
       "name": "cool-xr"
      },
      "spec": {
       "count": 2
      }
     }
    }
   }
  },
  "response": {
   "results": [],
   "desired": {
    "resources": {
     "first": {
      "resource": {
       "apiVersion": "example.org/v1",
       "kind": "XR",
       "metadata": {
        "name": "cool-xr"
       },
       "spec": {
        "count": 2
       }
      },
      "ready": "READY_TRUE"
     },
     "second-0": {
      "resource": {
       "apiVersion": "example.org/v1",
       "kind": "MR",
       "metadata": {
        "name": "cool-mr"
       }
      },
      "ready": "READY_TRUE"
     },
     "second-1": {
      "resource": {
       "apiVersion": "example.org/v1",
       "kind": "MR",
       "metadata": {
        "name": "cool-mr"
       }
      },
      "ready": "READY_TRUE"
     },
     "second-0-first-usage": {
      "resource": {
       "apiVersion": "apiextensions.crossplane.io/v1beta1",
       "kind": "Usage",
       "metadata": {
        "name": "mr-cool-mr-xr-cool-xr-d9f469-dependency"
       },
       "spec": {
        "by": {
         "apiVersion": "example.org/v1",
         "kind": "MR",
         "resourceRef": {
          "name": "cool-mr"
         }
        },
        "of": {
         "apiVersion": "example.org/v1",
         "kind": "XR",
         "resourceRef": {
          "name": "cool-xr"
         }
        },
        "reason": "dependency",
        "replayDeletion": true
       }
      },
      "ready": "READY_TRUE"
     },
     "second-1-first-usage": {
      "resource": {
       "apiVersion": "apiextensions.crossplane.io/v1beta1",
       "kind": "Usage",
       "metadata": {
        "name": "mr-cool-mr-xr-cool-xr-d9f469-dependency"
       },
       "spec": {
        "by": {
         "apiVersion": "example.org/v1",
         "kind": "MR",
         "resourceRef": {
          "name": "cool-mr"
         }
        },
        "of": {
         "apiVersion": "example.org/v1",
         "kind": "XR",
         "resourceRef": {
          "name": "cool-xr"
         }
        },
        "reason": "dependency",
        "replayDeletion": true
       }
      },
      "ready": "READY_TRUE"
     },
     "third-second-0-usage": {
      "resource": {
       "apiVersion": "apiextensions.crossplane.io/v1beta1",
       "kind": "Usage",
       "metadata": {
        "name": "mr-cool-mr-mr-cool-mr-91201d-dependency"
       },
       "spec": {
        "by": {
         "apiVersion": "example.org/v1",
         "kind": "MR",
         "resourceRef": {
          "name": "cool-mr"
         }
        },
        "of": {
         "apiVersion": "example.org/v1",
         "kind": "MR",
         "resourceRef": {
          "name": "cool-mr"
         }
        },
        "reason": "dependency",
        "replayDeletion": true
       }
      },
      "ready": "READY_TRUE"
     },
     "third-second-1-usage": {
      "resource": {
       "apiVersion": "apiextensions.crossplane.io/v1beta1",
       "kind": "Usage",
       "metadata": {
        "name": "mr-cool-mr-mr-cool-mr-91201d-dependency"
       },
       "spec": {
        "by": {
         "apiVersion": "example.org/v1",
         "kind": "MR",
         "resourceRef": {
          "name": "cool-mr"
         }
        },
        "of": {
         "apiVersion": "example.org/v1",
         "kind": "MR",
         "resourceRef": {
          "name": "cool-mr"
         }
        },
        "reason": "dependency",
        "replayDeletion": true
       }
      },
      "ready": "READY_TRUE"
     },
     "third": {
      "resource": {
       "apiVersion": "example.org/v1",
       "kind": "MR",
       "metadata": {
        "name": "cool-mr"
       }
      },
      "ready": "READY_TRUE"
     }
    },
    "composite": {
     "resource": {
      "apiVersion": "example.org/v1",
      "kind": "XR",
      "metadata": {
       "name": "cool-xr"
      },
      "spec": {
       "count": 2
      }
     }
    }
   }
  }
 },
 {
  "name": "MixedRegexUsagePriorElementOnly",
  "reason": "The function should create all resources and Usages only for the prior element when regex is used",
  "request": {
   "input": {
    "enableDeletionSequencing": true,
    "replayDeletion": true,
    "rules": [
     {
      "sequence": [
       "first",
       "second",
       "third-.*"
      ]
     }
    ],
    "usageVersion": "v1"
   },
   "observed": {
    "resources": {
     "first": {
      "resource": {
       "apiVersion": "example.org/v1",
       "kind": "XR",
       "metadata": {
        "name": "cool-xr"
       },
       "spec": {
        "count": 2
       }
      },
      "ready": "READY_TRUE"
     },
     "second": {
      "resource": {
       "apiVersion": "example.org/v1",
       "kind": "MR",
       "metadata": {
        "name": "cool-mr"
       }
      },
      "ready": "READY_TRUE"
     },
     "third-0": {
      "resource": {
       "apiVersion": "example.org/v1",
       "kind": "MR",
       "metadata": {
        "name": "cool-mr"
       }
      },
      "ready": "READY_TRUE"
     },
     "third-1": {
      "resource": {
       "apiVersion": "example.org/v1",
       "kind": "MR",
       "metadata": {
        "name": "cool-mr"
       }
      },
      "ready": "READY_TRUE"
     }
    },
    "composite": {
     "resource": {
      "apiVersion": "example.org/v1",
      "kind": "XR",
      "metadata": {
       "name": "cool-xr"
      },
      "spec": {
       "count": 2
      }
     }
    }
   },
   "desired": {
    "resources": {
     "first": {
      "resource": {
       "apiVersion": "example.org/v1",
       "kind": "XR",
       "metadata": {
        "name": "cool-xr"
       },
       "spec": {
        "count": 2
       }
      },
      "ready": "READY_TRUE"
     },
     "second": {
      "resource": {
       "apiVersion": "example.org/v1",
       "kind": "MR",
       "metadata": {
        "name": "cool-mr"
       }
      },
      "ready": "READY_TRUE"
     },
     "third-0": {
      "resource": {
       "apiVersion": "example.org/v1",
       "kind": "MR",
       "metadata": {
        "name": "cool-mr"
       }
      },
      "ready": "READY_TRUE"
     },
     "third-1": {
      "resource": {
       "apiVersion": "example.org/v1",
       "kind": "MR",
       "metadata": {
        "name": "cool-mr"
       }
      },
      "ready": "READY_TRUE"
     }
    },
    "composite": {
     "resource": {
      "apiVersion": "example.org/v1",
      "kind": "XR",
      "metadata": {
       "name": "cool-xr"
      },
      "spec": {
       "count": 2
      }
     }
    }
   }
  },
  "response": {
   "results": [],
   "desired": {
    "resources": {
     "first": {
      "resource": {
       "apiVersion": "example.org/v1",
       "kind": "XR",
       "metadata": {
        "name": "cool-xr"
       },
       "spec": {
        "count": 2
       }
      },
      "ready": "READY_TRUE"
     },
     "second": {
      "resource": {
       "apiVersion": "example.org/v1",
       "kind": "MR",
       "metadata": {
        "name": "cool-mr"
       }
      },
      "ready": "READY_TRUE"
     },
     "third-0": {
      "resource": {
       "apiVersion": "example.org/v1",
       "kind": "MR",
       "metadata": {
        "name": "cool-mr"
       }
      },
      "ready": "READY_TRUE"
     },
     "second-first-usage": {
      "resource": {
       "apiVersion": "apiextensions.crossplane.io/v1beta1",
       "kind": "Usage",
       "metadata": {
        "name": "mr-cool-mr-xr-cool-xr-d9f469-dependency"
       },
       "spec": {
        "by": {
         "apiVersion": "example.org/v1",
         "kind": "MR",
         "resourceRef": {
          "name": "cool-mr"
         }
        },
        "of": {
         "apiVersion": "example.org/v1",
         "kind": "XR",
         "resourceRef": {
          "name": "cool-xr"
         }
        },
        "reason": "dependency",
        "replayDeletion": true
       }
      },
      "ready": "READY_TRUE"
     },
     "third-0-second-usage": {
      "resource": {
       "apiVersion": "apiextensions.crossplane.io/v1beta1",
       "kind": "Usage",
       "metadata": {
        "name": "mr-cool-mr-mr-cool-mr-91201d-dependency"
       },
       "spec": {
        "by": {
         "apiVersion": "example.org/v1",
         "kind": "MR",
         "resourceRef": {
          "name": "cool-mr"
         }
        },
        "of": {
         "apiVersion": "example.org/v1",
         "kind": "MR",
         "resourceRef": {
          "name": "cool-mr"
         }
        },
        "reason": "dependency",
        "replayDeletion": true
       }
      },
      "ready": "READY_TRUE"
     },
     "third-1-second-usage": {
      "resource": {
       "apiVersion": "apiextensions.crossplane.io/v1beta1",
       "kind": "Usage",
       "metadata": {
        "name": "mr-cool-mr-mr-cool-mr-91201d-dependency"
       },
       "spec": {
        "by": {
         "apiVersion": "example.org/v1",
         "kind": "MR",
         "resourceRef": {
          "name": "cool-mr"
         }
        },
        "of": {
         "apiVersion": "example.org/v1",
         "kind": "MR",
         "resourceRef": {
          "name": "cool-mr"
         }
        },
        "reason": "dependency",
        "replayDeletion": true
       }
      },
      "ready": "READY_TRUE"
     },
     "third-1": {
      "resource": {
       "apiVersion": "example.org/v1",
       "kind": "MR",
       "metadata": {
        "name": "cool-mr"
       }
      },
      "ready": "READY_TRUE"
     }
    },
    "composite": {
     "resource": {
      "apiVersion": "example.org/v1",
      "kind": "XR",
      "metadata": {
       "name": "cool-xr"
      },
      "spec": {
       "count": 2
      }
     }
    }
   }
  }
 },
 {
  "name": "MixedRegexUsageV2Cluster",
  "reason": "The function should create all resources and Usages because all desired resources are ready",
  "request": {
   "input": {
    "enableDeletionSequencing": true,
    "replayDeletion": true,
    "rules": [
     {
      "sequence": [
       "first",
       "second-.*",
       "third"
      ]
     }
    ],
    "usageVersion": "v2"
   },
   "observed": {
    "resources": {
     "first": {
      "resource": {
       "apiVersion": "example.org/v1",
       "kind": "XR",
       "metadata": {
        "name": "cool-xr"
       },
       "spec": {
        "count": 2
       }
      },
      "ready": "READY_TRUE"
     },
     "second-0": {
      "resource": {
       "apiVersion": "example.org/v1",
       "kind": "MR",
       "metadata": {
        "name": "cool-mr"
       }
      },
      "ready": "READY_TRUE"
     },
     "second-1": {
      "resource": {
       "apiVersion": "example.org/v1",
       "kind": "MR",
       "metadata": {
        "name": "cool-mr"
       }
      },
      "ready": "READY_TRUE"
     },
     "third": {
      "resource": {
       "apiVersion": "example.org/v1",
       "kind": "MR",
       "metadata": {
        "name": "cool-mr"
       }
      },
      "ready": "READY_TRUE"
     }
    },
    "composite": {
     "resource": {
      "apiVersion": "example.org/v1",
      "kind": "XR",
      "metadata": {
       "name": "cool-xr"
      },
      "spec": {
       "count": 2
      }
     }
    }
   },
   "desired": {
    "resources": {
     "first": {
      "resource": {
       "apiVersion": "example.org/v1",
       "kind": "XR",
       "metadata": {
        "name": "cool-xr"
       },
       "spec": {
        "count": 2
       }
      },
      "ready": "READY_TRUE"
     },
     "second-0": {
      "resource": {
       "apiVersion": "example.org/v1",
       "kind": "MR",
       "metadata": {
        "name": "cool-mr"
       }
      },
      "ready": "READY_TRUE"
     },
     "second-1": {
      "resource": {
       "apiVersion": "example.org/v1",
       "kind": "MR",
       "metadata": {
        "name": "cool-mr"
       }
      },
      "ready": "READY_TRUE"
     },
     "third": {
      "resource": {
       "apiVersion": "example.org/v1",
       "kind": "MR",
       "metadata": {
        "name": "cool-mr"
       }
      },
      "ready": "READY_TRUE"
     }
    },
    "composite": {
     "resource": {
      "apiVersion": "example.org/v1",
      "kind": "XR",
      "metadata": {
       "name": "cool-xr"
      },
      "spec": {
       "count": 2
      }
     }
    }
   }
  },
  "response": {
   "results": [],
   "desired": {
    "resources": {
     "first": {
      "resource": {
       "apiVersion": "example.org/v1",
       "kind": "XR",
       "metadata": {
        "name": "cool-xr"
       },
       "spec": {
        "count": 2
       }
      },
      "ready": "READY_TRUE"
     },
     "second-0": {
      "resource": {
       "apiVersion": "example.org/v1",
       "kind": "MR",
       "metadata": {
        "name": "cool-mr"
       }
      },
      "ready": "READY_TRUE"
     },
     "second-1": {
      "resource": {
       "apiVersion": "example.org/v1",
       "kind": "MR",
       "metadata": {
        "name": "cool-mr"
       }
      },
      "ready": "READY_TRUE"
     },
     "second-0-first-usage": {
      "resource": {
       "apiVersion": "protection.crossplane.io/v1beta1",
       "kind": "ClusterUsage",
       "metadata": {
        "name": "mr-cool-mr-xr-cool-xr-d9f469-dependency"
       },
       "spec": {
        "by": {
         "apiVersion": "example.org/v1",
         "kind": "MR",
         "resourceRef": {
          "name": "cool-mr"
         }
        },
        "of": {
         "apiVersion": "example.org/v1",
         "kind": "XR",
         "resourceRef": {
          "name": "cool-xr"
         }
        },
        "reason": "dependency",
        "replayDeletion": true
       }
      },
      "ready": "READY_TRUE"
     },
     "second-1-first-usage": {
      "resource": {
       "apiVersion": "protection.crossplane.io/v1beta1",
       "kind": "ClusterUsage",
       "metadata": {
        "name": "mr-cool-mr-xr-cool-xr-d9f469-dependency"
       },
       "spec": {
        "by": {
         "apiVersion": "example.org/v1",
         "kind": "MR",
         "resourceRef": {
          "name": "cool-mr"
         }
        },
        "of": {
         "apiVersion": "example.org/v1",
         "kind": "XR",
         "resourceRef": {
          "name": "cool-xr"
         }
        },
        "reason": "dependency",
        "replayDeletion": true
       }
      },
      "ready": "READY_TRUE"
     },
     "third-second-0-usage": {
      "resource": {
       "apiVersion": "protection.crossplane.io/v1beta1",
       "kind": "ClusterUsage",
       "metadata": {
        "name": "mr-cool-mr-mr-cool-mr-91201d-dependency"
       },
       "spec": {
        "by": {
         "apiVersion": "example.org/v1",
         "kind": "MR",
         "resourceRef": {
          "name": "cool-mr"
         }
        },
        "of": {
         "apiVersion": "example.org/v1",
         "kind": "MR",
         "resourceRef": {
          "name": "cool-mr"
         }
        },
        "reason": "dependency",
        "replayDeletion": true
       }
      },
      "ready": "READY_TRUE"
     },
     "third-second-1-usage": {
      "resource": {
       "apiVersion": "protection.crossplane.io/v1beta1",
       "kind": "ClusterUsage",
       "metadata": {
        "name": "mr-cool-mr-mr-cool-mr-91201d-dependency"
       },
       "spec": {
        "by": {
         "apiVersion": "example.org/v1",
         "kind": "MR",
         "resourceRef": {
          "name": "cool-mr"
         }
        },
        "of": {
         "apiVersion": "example.org/v1",
         "kind": "MR",
         "resourceRef": {
          "name": "cool-mr"
         }
        },
        "reason": "dependency",
        "replayDeletion": true
       }
      },
      "ready": "READY_TRUE"
     },
     "third": {
      "resource": {
       "apiVersion": "example.org/v1",
       "kind": "MR",
       "metadata": {
        "name": "cool-mr"
       }
      },
      "ready": "READY_TRUE"
     }
    },
    "composite": {
     "resource": {
      "apiVersion": "example.org/v1",
      "kind": "XR",
      "metadata": {
       "name": "cool-xr"
      },
      "spec": {
       "count": 2
      }
     }
    }
   }
  }
 },
 {
  "name": "MixedRegexUsageV2Namespaced",
  "reason": "The function should create all resources and Usages because all desired resources are ready",
  "request": {
   "input": {
    "enableDeletionSequencing": true,
    "replayDeletion": true,
    "rules": [
     {
      "sequence": [
       "first",
       "second-.*",
       "third"
      ]
     }
    ],
    "usageVersion": "v2"
   },
   "observed": {
    "resources": {
     "first": {
      "resource": {
       "apiVersion": "example.org/v1",
       "kind": "XR",
       "metadata": {
        "name": "cool-xr",
        "namespace": "cool-namespace"
       },
       "spec": {
        "count": 2
       }
      },
      "ready": "READY_TRUE"
     },
     "second-0": {
      "resource": {
       "apiVersion": "example.org/v1",
       "kind": "MR",
       "metadata": {
        "name": "cool-mr",
        "namespace": "cool-namespace"
       }
      },
      "ready": "READY_TRUE"
     },
     "second-1": {
      "resource": {
       "apiVersion": "example.org/v1",
       "kind": "MR",
       "metadata": {
        "name": "cool-mr",
        "namespace": "cool-namespace"
       }
      },
      "ready": "READY_TRUE"
     },
     "third": {
      "resource": {
       "apiVersion": "example.org/v1",
       "kind": "MR",
       "metadata": {
        "name": "cool-mr",
        "namespace": "cool-namespace"
       }
      },
      "ready": "READY_TRUE"
     }
    },
    "composite": {
     "resource": {
      "apiVersion": "example.org/v1",
      "kind": "XR",
      "metadata": {
       "name": "cool-xr"
      },
      "spec": {
       "count": 2
      }
     }
    }
   },
   "desired": {
    "resources": {
     "first": {
      "resource": {
       "apiVersion": "example.org/v1",
       "kind": "XR",
       "metadata": {
        "name": "cool-xr",
        "namespace": "cool-namespace"
       },
       "spec": {
        "count": 2
       }
      },
      "ready": "READY_TRUE"
     },
     "second-0": {
      "resource": {
       "apiVersion": "example.org/v1",
       "kind": "MR",
       "metadata": {
        "name": "cool-mr",
        "namespace": "cool-namespace"
       }
      },
      "ready": "READY_TRUE"
     },
     "second-1": {
      "resource": {
       "apiVersion": "example.org/v1",
       "kind": "MR",
       "metadata": {
        "name": "cool-mr",
        "namespace": "cool-namespace"
       }
      },
      "ready": "READY_TRUE"
     },
     "third": {
      "resource": {
       "apiVersion": "example.org/v1",
       "kind": "MR",
       "metadata": {
        "name": "cool-mr",
        "namespace": "cool-namespace"
       }
      },
      "ready": "READY_TRUE"
     }
    },
    "composite": {
     "resource": {
      "apiVersion": "example.org/v1",
      "kind": "XR",
      "metadata": {
       "name": "cool-xr"
      },
      "spec": {
       "count": 2
      }
     }
    }
   }
  },
  "response": {
   "results": [],
   "desired": {
    "resources": {
     "first": {
      "resource": {
       "apiVersion": "example.org/v1",
       "kind": "XR",
       "metadata": {
        "name": "cool-xr",
        "namespace": "cool-namespace"
       },
       "spec": {
        "count": 2
       }
      },
      "ready": "READY_TRUE"
     },
     "second-0": {
      "resource": {
       "apiVersion": "example.org/v1",
       "kind": "MR",
       "metadata": {
        "name": "cool-mr",
        "namespace": "cool-namespace"
       }
      },
      "ready": "READY_TRUE"
     },
     "second-1": {
      "resource": {
       "apiVersion": "example.org/v1",
       "kind": "MR",
       "metadata": {
        "name": "cool-mr",
        "namespace": "cool-namespace"
       }
      },
      "ready": "READY_TRUE"
     },
     "second-0-first-usage": {
      "resource": {
       "apiVersion": "protection.crossplane.io/v1beta1",
       "kind": "Usage",
       "metadata": {
        "name": "mr-cool-mr-xr-cool-xr-d9f469-dependency",
        "namespace": "cool-namespace"
       },
       "spec": {
        "by": {
         "apiVersion": "example.org/v1",
         "kind": "MR",
         "resourceRef": {
          "name": "cool-mr"
         }
        },
        "of": {
         "apiVersion": "example.org/v1",
         "kind": "XR",
         "resourceRef": {
          "name": "cool-xr"
         }
        },
        "reason": "dependency",
        "replayDeletion": true
       }
      },
      "ready": "READY_TRUE"
     },
     "second-1-first-usage": {
      "resource": {
       "apiVersion": "protection.crossplane.io/v1beta1",
       "kind": "Usage",
       "metadata": {
        "name": "mr-cool-mr-xr-cool-xr-d9f469-dependency",
        "namespace": "cool-namespace"
       },
       "spec": {
        "by": {
         "apiVersion": "example.org/v1",
         "kind": "MR",
         "resourceRef": {
          "name": "cool-mr"
         }
        },
        "of": {
         "apiVersion": "example.org/v1",
         "kind": "XR",
         "resourceRef": {
          "name": "cool-xr"
         }
        },
        "reason": "dependency",
        "replayDeletion": true
       }
      },
      "ready": "READY_TRUE"
     },
     "third-second-0-usage": {
      "resource": {
       "apiVersion": "protection.crossplane.io/v1beta1",
       "kind": "Usage",
       "metadata": {
        "name": "mr-cool-mr-mr-cool-mr-91201d-dependency",
        "namespace": "cool-namespace"
       },
       "spec": {
        "by": {
         "apiVersion": "example.org/v1",
         "kind": "MR",
         "resourceRef": {
          "name": "cool-mr"
         }
        },
        "of": {
         "apiVersion": "example.org/v1",
         "kind": "MR",
         "resourceRef": {
          "name": "cool-mr"
         }
        },
        "reason": "dependency",
        "replayDeletion": true
       }
      },
      "ready": "READY_TRUE"
     },
     "third-second-1-usage": {
      "resource": {
       "apiVersion": "protection.crossplane.io/v1beta1",
       "kind": "Usage",
       "metadata": {
        "name": "mr-cool-mr-mr-cool-mr-91201d-dependency",
        "namespace": "cool-namespace"
       },
       "spec": {
        "by": {
         "apiVersion": "example.org/v1",
         "kind": "MR",
         "resourceRef": {
          "name": "cool-mr"
         }
        },
        "of": {
         "apiVersion": "example.org/v1",
         "kind": "MR",
         "resourceRef": {
          "name": "cool-mr"
         }
        },
        "reason": "dependency",
        "replayDeletion": true
       }
      },
      "ready": "READY_TRUE"
     },
     "third": {
      "resource": {
       "apiVersion": "example.org/v1",
       "kind": "MR",
       "metadata": {
        "name": "cool-mr",
        "namespace": "cool-namespace"
       }
      },
      "ready": "READY_TRUE"
     }
    },
    "composite": {
     "resource": {
      "apiVersion": "example.org/v1",
      "kind": "XR",
      "metadata": {
       "name": "cool-xr"
      },
      "spec": {
       "count": 2
      }
     }
    }
   }
  }
 },
 {
  "name": "DeletionSequencingBeforeResourceNotObserved",
  "reason": "The function should not panic when a before-resource is in desiredComposed but not in observedComposed with deletion sequencing enabled",
  "request": {
   "input": {
    "enableDeletionSequencing": true,
    "rules": [
     {
      "sequence": [
       "first-.*",
       "second-.*"
      ]
     }
    ],
    "usageVersion": "v2"
   },
   "observed": {
    "resources": {
     "second-foo": {
      "resource": {
       "apiVersion": "example.org/v1",
       "kind": "MR",
       "metadata": {
        "name": "cool-mr"
       }
      },
      "ready": "READY_TRUE"
     }
    },
    "composite": {
     "resource": {
      "apiVersion": "example.org/v1",
      "kind": "XR",
      "metadata": {
       "name": "cool-xr"
      },
      "spec": {
       "count": 2
      }
     }
    }
   },
   "desired": {
    "resources": {
     "first-foo": {
      "resource": {
       "apiVersion": "example.org/v1",
       "kind": "XR",
       "metadata": {
        "name": "cool-xr"
       },
       "spec": {
        "count": 2
       }
      },
      "ready": "READY_TRUE"
     },
     "second-foo": {
      "resource": {
       "apiVersion": "example.org/v1",
       "kind": "MR",
       "metadata": {
        "name": "cool-mr"
       }
      },
      "ready": "READY_TRUE"
     }
    },
    "composite": {
     "resource": {
      "apiVersion": "example.org/v1",
      "kind": "XR",
      "metadata": {
       "name": "cool-xr"
      },
      "spec": {
       "count": 2
      }
     }
    }
   }
  },
  "response": {
   "results": [],
   "desired": {
    "resources": {
     "first-foo": {
      "resource": {
       "apiVersion": "example.org/v1",
       "kind": "XR",
       "metadata": {
        "name": "cool-xr"
       },
       "spec": {
        "count": 2
       }
      },
      "ready": "READY_TRUE"
     },
     "second-foo": {
      "resource": {
       "apiVersion": "example.org/v1",
       "kind": "MR",
       "metadata": {
        "name": "cool-mr"
       }
      },
      "ready": "READY_TRUE"
     }
    },
    "composite": {
     "resource": {
      "apiVersion": "example.org/v1",
      "kind": "XR",
      "metadata": {
       "name": "cool-xr"
      },
      "spec": {
       "count": 2
      }
     }
    }
   }
  }
 },
 {
  "name": "MarkCompositeNotReady",
  "reason": "Set the Composite ready flag to false",
  "request": {
   "input": {
    "resetCompositeReadiness": true,
    "rules": [
     {
      "sequence": [
       "first",
       "second",
       "third"
      ]
     }
    ]
   },
   "observed": {
    "resources": {
     "first": {
      "resource": {
       "apiVersion": "example.org/v1",
       "kind": "MR",
       "metadata": {
        "name": "cool-mr"
       }
      }
     },
     "second": {
      "resource": {
       "apiVersion": "example.org/v1",
       "kind": "MR",
       "metadata": {
        "name": "cool-mr"
       }
      }
     }
    },
    "composite": {
     "resource": {
      "apiVersion": "example.org/v1",
      "kind": "XR",
      "metadata": {
       "name": "cool-xr"
      },
      "spec": {
       "count": 2
      }
     }
    }
   },
   "desired": {
    "resources": {
     "first": {
      "resource": {
       "apiVersion": "example.org/v1",
       "kind": "MR",
       "metadata": {
        "name": "cool-mr"
       }
      }
     },
     "second": {
      "resource": {
       "apiVersion": "example.org/v1",
       "kind": "MR",
       "metadata": {
        "name": "cool-mr"
       }
      }
     },
     "third": {
      "resource": {
       "apiVersion": "example.org/v1",
       "kind": "MR",
       "metadata": {
        "name": "cool-mr"
       }
      }
     }
    },
    "composite": {
     "resource": {
      "apiVersion": "example.org/v1",
      "kind": "XR",
      "metadata": {
       "name": "cool-xr"
      },
      "spec": {
       "count": 2
      }
     }
    }
   }
  },
  "response": {
   "results": [
    {
     "severity": "SEVERITY_NORMAL",
     "message": "Delaying creation of resource(s) matching \"third\" because \"first\" is not fully ready (0 of 1)"
    }
   ],
   "desired": {
    "resources": {
     "first": {
      "resource": {
       "apiVersion": "example.org/v1",
       "kind": "MR",
       "metadata": {
        "name": "cool-mr"
       }
      }
     },
     "second": {
      "resource": {
       "apiVersion": "example.org/v1",
       "kind": "MR",
       "metadata": {
        "name": "cool-mr"
       }
      }
     }
    },
    "composite": {
     "resource": {
      "apiVersion": "example.org/v1",
      "kind": "XR",
      "metadata": {
       "name": "cool-xr"
      },
      "spec": {
       "count": 2
      }
     },
     "ready": "READY_FALSE"
    }
   }
  }
 },
 {
  "name": "ConditionTrueRunsNormally",
  "reason": "When condition evaluates to true, normal sequencing should apply \u2014 second blocked because first not ready",
  "request": {
   "input": {
    "rules": [
     {
      "sequence": [
       "first",
       "second"
      ],
      "condition": "observed.composite.resource.spec.count == 2.0"
     }
    ]
   },
   "observed": {
    "resources": {},
    "composite": {
     "resource": {
      "apiVersion": "example.org/v1",
      "kind": "XR",
      "metadata": {
       "name": "cool-xr"
      },
      "spec": {
       "count": 2
      }
     }
    }
   },
   "desired": {
    "resources": {
     "first": {
      "resource": {
       "apiVersion": "example.org/v1",
       "kind": "MR",
       "metadata": {
        "name": "cool-mr"
       }
      }
     },
     "second": {
      "resource": {
       "apiVersion": "example.org/v1",
       "kind": "MR",
       "metadata": {
        "name": "cool-mr"
       }
      }
     }
    },
    "composite": {
     "resource": {
      "apiVersion": "example.org/v1",
      "kind": "XR",
      "metadata": {
       "name": "cool-xr"
      },
      "spec": {
       "count": 2
      }
     }
    }
   }
  },
  "response": {
   "results": [
    {
     "severity": "SEVERITY_NORMAL",
     "message": "Delaying creation of resource(s) matching \"second\" because \"first\" is not fully ready (0 of 1)"
    }
   ],
   "desired": {
    "resources": {
     "first": {
      "resource": {
       "apiVersion": "example.org/v1",
       "kind": "MR",
       "metadata": {
        "name": "cool-mr"
       }
      }
     }
    },
    "composite": {
     "resource": {
      "apiVersion": "example.org/v1",
      "kind": "XR",
      "metadata": {
       "name": "cool-xr"
      },
      "spec": {
       "count": 2
      }
     }
    }
   }
  }
 },
 {
  "name": "ConditionDynBoolTrueRunsNormally",
  "reason": "When condition navigates into Struct fields (dyn type) and evaluates to true, normal sequencing should apply",
  "request": {
   "input": {
    "rules": [
     {
      "sequence": [
       "first",
       "second"
      ],
      "condition": "observed.composite.resource.spec.parameters.multiAZ == true"
     }
    ]
   },
   "observed": {
    "resources": {},
    "composite": {
     "resource": {
      "apiVersion": "example.org/v1",
      "kind": "XR",
      "metadata": {
       "name": "cool-xr"
      },
      "spec": {
       "parameters": {
        "multiAZ": true
       }
      }
     }
    }
   },
   "desired": {
    "resources": {
     "first": {
      "resource": {
       "apiVersion": "example.org/v1",
       "kind": "MR",
       "metadata": {
        "name": "cool-mr"
       }
      }
     },
     "second": {
      "resource": {
       "apiVersion": "example.org/v1",
       "kind": "MR",
       "metadata": {
        "name": "cool-mr"
       }
      }
     }
    },
    "composite": {
     "resource": {
      "apiVersion": "example.org/v1",
      "kind": "XR",
      "metadata": {
       "name": "cool-xr"
      },
      "spec": {
       "parameters": {
        "multiAZ": true
       }
      }
     }
    }
   }
  },
  "response": {
   "results": [
    {
     "severity": "SEVERITY_NORMAL",
     "message": "Delaying creation of resource(s) matching \"second\" because \"first\" is not fully ready (0 of 1)"
    }
   ],
   "desired": {
    "resources": {
     "first": {
      "resource": {
       "apiVersion": "example.org/v1",
       "kind": "MR",
       "metadata": {
        "name": "cool-mr"
       }
      }
     }
    },
    "composite": {
     "resource": {
      "apiVersion": "example.org/v1",
      "kind": "XR",
      "metadata": {
       "name": "cool-xr"
      },
      "spec": {
       "parameters": {
        "multiAZ": true
       }
      }
     }
    }
   }
  }
 },
 {
  "name": "ConditionDynBoolFalseSkipsSequence",
  "reason": "When condition navigates into Struct fields (dyn type) and evaluates to false, sequence should be skipped",
  "request": {
   "input": {
    "rules": [
     {
      "sequence": [
       "first",
       "second"
      ],
      "condition": "observed.composite.resource.spec.parameters.multiAZ == true"
     }
    ]
   },
   "observed": {
    "resources": {},
    "composite": {
     "resource": {
      "apiVersion": "example.org/v1",
      "kind": "XR",
      "metadata": {
       "name": "cool-xr"
      },
      "spec": {
       "parameters": {
        "multiAZ": false
       }
      }
     }
    }
   },
   "desired": {
    "resources": {
     "first": {
      "resource": {
       "apiVersion": "example.org/v1",
       "kind": "MR",
       "metadata": {
        "name": "cool-mr"
       }
      }
     },
     "second": {
      "resource": {
       "apiVersion": "example.org/v1",
       "kind": "MR",
       "metadata": {
        "name": "cool-mr"
       }
      }
     }
    },
    "composite": {
     "resource": {
      "apiVersion": "example.org/v1",
      "kind": "XR",
      "metadata": {
       "name": "cool-xr"
      },
      "spec": {
       "parameters": {
        "multiAZ": false
       }
      }
     }
    }
   }
  },
  "response": {
   "results": [
    {
     "severity": "SEVERITY_NORMAL",
     "message": "Skipping sequence [first second]: condition \"observed.composite.resource.spec.parameters.multiAZ == true\" evaluated to false"
    }
   ],
   "desired": {
    "resources": {
     "first": {
      "resource": {
       "apiVersion": "example.org/v1",
       "kind": "MR",
       "metadata": {
        "name": "cool-mr"
       }
      }
     },
     "second": {
      "resource": {
       "apiVersion": "example.org/v1",
       "kind": "MR",
       "metadata": {
        "name": "cool-mr"
       }
      }
     }
    },
    "composite": {
     "resource": {
      "apiVersion": "example.org/v1",
      "kind": "XR",
      "metadata": {
       "name": "cool-xr"
      },
      "spec": {
       "parameters": {
        "multiAZ": false
       }
      }
     }
    }
   }
  }
 },
 {
  "name": "ConditionFalseSkipsSequence",
  "reason": "When condition evaluates to false, sequence should be skipped \u2014 second stays in desired and composite readiness is not reset even with resetCompositeReadiness=true",
  "request": {
   "input": {
    "resetCompositeReadiness": true,
    "rules": [
     {
      "sequence": [
       "first",
       "second"
      ],
      "condition": "observed.composite.resource.spec.count == 999.0"
     }
    ]
   },
   "observed": {
    "resources": {},
    "composite": {
     "resource": {
      "apiVersion": "example.org/v1",
      "kind": "XR",
      "metadata": {
       "name": "cool-xr"
      },
      "spec": {
       "count": 2
      }
     }
    }
   },
   "desired": {
    "resources": {
     "first": {
      "resource": {
       "apiVersion": "example.org/v1",
       "kind": "MR",
       "metadata": {
        "name": "cool-mr"
       }
      }
     },
     "second": {
      "resource": {
       "apiVersion": "example.org/v1",
       "kind": "MR",
       "metadata": {
        "name": "cool-mr"
       }
      }
     }
    },
    "composite": {
     "resource": {
      "apiVersion": "example.org/v1",
      "kind": "XR",
      "metadata": {
       "name": "cool-xr"
      },
      "spec": {
       "count": 2
      }
     }
    }
   }
  },
  "response": {
   "results": [
    {
     "severity": "SEVERITY_NORMAL",
     "message": "Skipping sequence [first second]: condition \"observed.composite.resource.spec.count == 999.0\" evaluated to false"
    }
   ],
   "desired": {
    "resources": {
     "first": {
      "resource": {
       "apiVersion": "example.org/v1",
       "kind": "MR",
       "metadata": {
        "name": "cool-mr"
       }
      }
     },
     "second": {
      "resource": {
       "apiVersion": "example.org/v1",
       "kind": "MR",
       "metadata": {
        "name": "cool-mr"
       }
      }
     }
    },
    "composite": {
     "resource": {
      "apiVersion": "example.org/v1",
      "kind": "XR",
      "metadata": {
       "name": "cool-xr"
      },
      "spec": {
       "count": 2
      }
     }
    }
   }
  }
 },
 {
  "name": "ConditionEmptyPassesThrough",
  "reason": "Empty condition string should behave identically to no condition \u2014 normal sequencing",
  "request": {
   "input": {
    "rules": [
     {
      "sequence": [
       "first",
       "second"
      ],
      "condition": ""
     }
    ]
   },
   "observed": {
    "resources": {},
    "composite": {
     "resource": {
      "apiVersion": "example.org/v1",
      "kind": "XR",
      "metadata": {
       "name": "cool-xr"
      },
      "spec": {
       "count": 2
      }
     }
    }
   },
   "desired": {
    "resources": {
     "first": {
      "resource": {
       "apiVersion": "example.org/v1",
       "kind": "MR",
       "metadata": {
        "name": "cool-mr"
       }
      }
     },
     "second": {
      "resource": {
       "apiVersion": "example.org/v1",
       "kind": "MR",
       "metadata": {
        "name": "cool-mr"
       }
      }
     }
    },
    "composite": {
     "resource": {
      "apiVersion": "example.org/v1",
      "kind": "XR",
      "metadata": {
       "name": "cool-xr"
      },
      "spec": {
       "count": 2
      }
     }
    }
   }
  },
  "response": {
   "results": [
    {
     "severity": "SEVERITY_NORMAL",
     "message": "Delaying creation of resource(s) matching \"second\" because \"first\" is not fully ready (0 of 1)"
    }
   ],
   "desired": {
    "resources": {
     "first": {
      "resource": {
       "apiVersion": "example.org/v1",
       "kind": "MR",
       "metadata": {
        "name": "cool-mr"
       }
      }
     }
    },
    "composite": {
     "resource": {
      "apiVersion": "example.org/v1",
      "kind": "XR",
      "metadata": {
       "name": "cool-xr"
      },
      "spec": {
       "count": 2
      }
     }
    }
   }
  }
 },
 {
  "name": "ConditionFalseProtectsObservedUsages",
  "reason": "When condition is false but resources are observed and deletion sequencing is enabled, Usages must still be generated",
  "request": {
   "input": {
    "enableDeletionSequencing": true,
    "replayDeletion": true,
    "rules": [
     {
      "sequence": [
       "first",
       "second"
      ],
      "condition": "observed.composite.resource.spec.count == 999.0"
     }
    ]
   },
   "observed": {
    "resources": {
     "first": {
      "resource": {
       "apiVersion": "example.org/v1",
       "kind": "XR",
       "metadata": {
        "name": "cool-xr"
       },
       "spec": {
        "count": 2
       }
      }
     },
     "second": {
      "resource": {
       "apiVersion": "example.org/v1",
       "kind": "MR",
       "metadata": {
        "name": "cool-mr"
       }
      }
     }
    },
    "composite": {
     "resource": {
      "apiVersion": "example.org/v1",
      "kind": "XR",
      "metadata": {
       "name": "cool-xr"
      },
      "spec": {
       "count": 2
      }
     }
    }
   },
   "desired": {
    "resources": {
     "first": {
      "resource": {
       "apiVersion": "example.org/v1",
       "kind": "XR",
       "metadata": {
        "name": "cool-xr"
       },
       "spec": {
        "count": 2
       }
      },
      "ready": "READY_TRUE"
     },
     "second": {
      "resource": {
       "apiVersion": "example.org/v1",
       "kind": "MR",
       "metadata": {
        "name": "cool-mr"
       }
      },
      "ready": "READY_TRUE"
     }
    },
    "composite": {
     "resource": {
      "apiVersion": "example.org/v1",
      "kind": "XR",
      "metadata": {
       "name": "cool-xr"
      },
      "spec": {
       "count": 2
      }
     }
    }
   }
  },
  "response": {
   "results": [
    {
     "severity": "SEVERITY_NORMAL",
     "message": "Skipping sequence [first second]: condition \"observed.composite.resource.spec.count == 999.0\" evaluated to false"
    }
   ],
   "desired": {
    "resources": {
     "first": {
      "resource": {
       "apiVersion": "example.org/v1",
       "kind": "XR",
       "metadata": {
        "name": "cool-xr"
       },
       "spec": {
        "count": 2
       }
      },
      "ready": "READY_TRUE"
     },
     "second": {
      "resource": {
       "apiVersion": "example.org/v1",
       "kind": "MR",
       "metadata": {
        "name": "cool-mr"
       }
      },
      "ready": "READY_TRUE"
     },
     "second-first-usage": {
      "resource": {
       "apiVersion": "protection.crossplane.io/v1beta1",
       "kind": "ClusterUsage",
       "metadata": {
        "name": "mr-cool-mr-xr-cool-xr-d9f469-dependency"
       },
       "spec": {
        "by": {
         "apiVersion": "example.org/v1",
         "kind": "MR",
         "resourceRef": {
          "name": "cool-mr"
         }
        },
        "of": {
         "apiVersion": "example.org/v1",
         "kind": "XR",
         "resourceRef": {
          "name": "cool-xr"
         }
        },
        "reason": "dependency",
        "replayDeletion": true
       }
      },
      "ready": "READY_TRUE"
     }
    },
    "composite": {
     "resource": {
      "apiVersion": "example.org/v1",
      "kind": "XR",
      "metadata": {
       "name": "cool-xr"
      },
      "spec": {
       "count": 2
      }
     }
    }
   }
  }
 },
 {
  "name": "ConditionFalseNoObservedNoUsages",
  "reason": "When condition is false and no resources are observed, no Usages should be generated",
  "request": {
   "input": {
    "enableDeletionSequencing": true,
    "replayDeletion": true,
    "rules": [
     {
      "sequence": [
       "first",
       "second"
      ],
      "condition": "observed.composite.resource.spec.count == 999.0"
     }
    ]
   },
   "observed": {
    "resources": {},
    "composite": {
     "resource": {
      "apiVersion": "example.org/v1",
      "kind": "XR",
      "metadata": {
       "name": "cool-xr"
      },
      "spec": {
       "count": 2
      }
     }
    }
   },
   "desired": {
    "resources": {
     "first": {
      "resource": {
       "apiVersion": "example.org/v1",
       "kind": "MR",
       "metadata": {
        "name": "cool-mr"
       }
      }
     },
     "second": {
      "resource": {
       "apiVersion": "example.org/v1",
       "kind": "MR",
       "metadata": {
        "name": "cool-mr"
       }
      }
     }
    },
    "composite": {
     "resource": {
      "apiVersion": "example.org/v1",
      "kind": "XR",
      "metadata": {
       "name": "cool-xr"
      },
      "spec": {
       "count": 2
      }
     }
    }
   }
  },
  "response": {
   "results": [
    {
     "severity": "SEVERITY_NORMAL",
     "message": "Skipping sequence [first second]: condition \"observed.composite.resource.spec.count == 999.0\" evaluated to false"
    }
   ],
   "desired": {
    "resources": {
     "first": {
      "resource": {
       "apiVersion": "example.org/v1",
       "kind": "MR",
       "metadata": {
        "name": "cool-mr"
       }
      }
     },
     "second": {
      "resource": {
       "apiVersion": "example.org/v1",
       "kind": "MR",
       "metadata": {
        "name": "cool-mr"
       }
      }
     }
    },
    "composite": {
     "resource": {
      "apiVersion": "example.org/v1",
      "kind": "XR",
      "metadata": {
       "name": "cool-xr"
      },
      "spec": {
       "count": 2
      }
     }
    }
   }
  }
 },
 {
  "name": "ConditionFalseNoDeletionSequencing",
  "reason": "When condition is false and enableDeletionSequencing is false, no Usages even with observed resources",
  "request": {
   "input": {
    "enableDeletionSequencing": false,
    "rules": [
     {
      "sequence": [
       "first",
       "second"
      ],
      "condition": "observed.composite.resource.spec.count == 999.0"
     }
    ]
   },
   "observed": {
    "resources": {
     "first": {
      "resource": {
       "apiVersion": "example.org/v1",
       "kind": "XR",
       "metadata": {
        "name": "cool-xr"
       },
       "spec": {
        "count": 2
       }
      }
     },
     "second": {
      "resource": {
       "apiVersion": "example.org/v1",
       "kind": "MR",
       "metadata": {
        "name": "cool-mr"
       }
      }
     }
    },
    "composite": {
     "resource": {
      "apiVersion": "example.org/v1",
      "kind": "XR",
      "metadata": {
       "name": "cool-xr"
      },
      "spec": {
       "count": 2
      }
     }
    }
   },
   "desired": {
    "resources": {
     "first": {
      "resource": {
       "apiVersion": "example.org/v1",
       "kind": "XR",
       "metadata": {
        "name": "cool-xr"
       },
       "spec": {
        "count": 2
       }
      },
      "ready": "READY_TRUE"
     },
     "second": {
      "resource": {
       "apiVersion": "example.org/v1",
       "kind": "MR",
       "metadata": {
        "name": "cool-mr"
       }
      },
      "ready": "READY_TRUE"
     }
    },
    "composite": {
     "resource": {
      "apiVersion": "example.org/v1",
      "kind": "XR",
      "metadata": {
       "name": "cool-xr"
      },
      "spec": {
       "count": 2
      }
     }
    }
   }
  },
  "response": {
   "results": [
    {
     "severity": "SEVERITY_NORMAL",
     "message": "Skipping sequence [first second]: condition \"observed.composite.resource.spec.count == 999.0\" evaluated to false"
    }
   ],
   "desired": {
    "resources": {
     "first": {
      "resource": {
       "apiVersion": "example.org/v1",
       "kind": "XR",
       "metadata": {
        "name": "cool-xr"
       },
       "spec": {
        "count": 2
       }
      },
      "ready": "READY_TRUE"
     },
     "second": {
      "resource": {
       "apiVersion": "example.org/v1",
       "kind": "MR",
       "metadata": {
        "name": "cool-mr"
       }
      },
      "ready": "READY_TRUE"
     }
    },
    "composite": {
     "resource": {
      "apiVersion": "example.org/v1",
      "kind": "XR",
      "metadata": {
       "name": "cool-xr"
      },
      "spec": {
       "count": 2
      }
     }
    }
   }
  }
 },
 {
  "name": "DeleteOnlySkipsCreationBlockingNoUsagesNoReadinessReset",
  "reason": "With deleteOnly=true and no deletion sequencing: resources are not blocked even when predecessors are not ready, no Usages are generated, and composite readiness is not reset even with resetCompositeReadiness=true",
  "request": {
   "input": {
    "resetCompositeReadiness": true,
    "rules": [
     {
      "sequence": [
       "first",
       "second"
      ],
      "deleteOnly": true
     }
    ]
   },
   "observed": {
    "resources": {},
    "composite": {
     "resource": {
      "apiVersion": "example.org/v1",
      "kind": "XR",
      "metadata": {
       "name": "cool-xr"
      },
      "spec": {
       "count": 2
      }
     }
    }
   },
   "desired": {
    "resources": {
     "first": {
      "resource": {
       "apiVersion": "example.org/v1",
       "kind": "MR",
       "metadata": {
        "name": "cool-mr"
       }
      }
     },
     "second": {
      "resource": {
       "apiVersion": "example.org/v1",
       "kind": "MR",
       "metadata": {
        "name": "cool-mr"
       }
      }
     }
    },
    "composite": {
     "resource": {
      "apiVersion": "example.org/v1",
      "kind": "XR",
      "metadata": {
       "name": "cool-xr"
      },
      "spec": {
       "count": 2
      }
     }
    }
   }
  },
  "response": {
   "results": [],
   "desired": {
    "resources": {
     "first": {
      "resource": {
       "apiVersion": "example.org/v1",
       "kind": "MR",
       "metadata": {
        "name": "cool-mr"
       }
      }
     },
     "second": {
      "resource": {
       "apiVersion": "example.org/v1",
       "kind": "MR",
       "metadata": {
        "name": "cool-mr"
       }
      }
     }
    },
    "composite": {
     "resource": {
      "apiVersion": "example.org/v1",
      "kind": "XR",
      "metadata": {
       "name": "cool-xr"
      },
      "spec": {
       "count": 2
      }
     }
    }
   }
  }
 },
 {
  "name": "DeleteOnlyGeneratesUsages",
  "reason": "With deleteOnly=true and enableDeletionSequencing=true, Usage resources should still be created for observed resources",
  "request": {
   "input": {
    "enableDeletionSequencing": true,
    "replayDeletion": true,
    "rules": [
     {
      "sequence": [
       "first",
       "second"
      ],
      "deleteOnly": true
     }
    ]
   },
   "observed": {
    "resources": {
     "first": {
      "resource": {
       "apiVersion": "example.org/v1",
       "kind": "XR",
       "metadata": {
        "name": "cool-xr"
       },
       "spec": {
        "count": 2
       }
      }
     },
     "second": {
      "resource": {
       "apiVersion": "example.org/v1",
       "kind": "MR",
       "metadata": {
        "name": "cool-mr"
       }
      }
     }
    },
    "composite": {
     "resource": {
      "apiVersion": "example.org/v1",
      "kind": "XR",
      "metadata": {
       "name": "cool-xr"
      },
      "spec": {
       "count": 2
      }
     }
    }
   },
   "desired": {
    "resources": {
     "first": {
      "resource": {
       "apiVersion": "example.org/v1",
       "kind": "XR",
       "metadata": {
        "name": "cool-xr"
       },
       "spec": {
        "count": 2
       }
      },
      "ready": "READY_TRUE"
     },
     "second": {
      "resource": {
       "apiVersion": "example.org/v1",
       "kind": "MR",
       "metadata": {
        "name": "cool-mr"
       }
      },
      "ready": "READY_TRUE"
     }
    },
    "composite": {
     "resource": {
      "apiVersion": "example.org/v1",
      "kind": "XR",
      "metadata": {
       "name": "cool-xr"
      },
      "spec": {
       "count": 2
      }
     }
    }
   }
  },
  "response": {
   "results": [],
   "desired": {
    "resources": {
     "first": {
      "resource": {
       "apiVersion": "example.org/v1",
       "kind": "XR",
       "metadata": {
        "name": "cool-xr"
       },
       "spec": {
        "count": 2
       }
      },
      "ready": "READY_TRUE"
     },
     "second": {
      "resource": {
       "apiVersion": "example.org/v1",
       "kind": "MR",
       "metadata": {
        "name": "cool-mr"
       }
      },
      "ready": "READY_TRUE"
     },
     "second-first-usage": {
      "resource": {
       "apiVersion": "protection.crossplane.io/v1beta1",
       "kind": "ClusterUsage",
       "metadata": {
        "name": "mr-cool-mr-xr-cool-xr-d9f469-dependency"
       },
       "spec": {
        "by": {
         "apiVersion": "example.org/v1",
         "kind": "MR",
         "resourceRef": {
          "name": "cool-mr"
         }
        },
        "of": {
         "apiVersion": "example.org/v1",
         "kind": "XR",
         "resourceRef": {
          "name": "cool-xr"
         }
        },
        "reason": "dependency",
        "replayDeletion": true
       }
      },
      "ready": "READY_TRUE"
     }
    },
    "composite": {
     "resource": {
      "apiVersion": "example.org/v1",
      "kind": "XR",
      "metadata": {
       "name": "cool-xr"
      },
      "spec": {
       "count": 2
      }
     }
    }
   }
  }
 }
]
;
